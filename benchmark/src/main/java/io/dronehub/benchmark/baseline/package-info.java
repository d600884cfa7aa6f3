/**
 * The floor server: a minimal STOMP-speaking WebSocket broadcast on the hub's stack
 * (Spring Boot, Tomcat), with no broker in between.
 */
@NullMarked
package io.dronehub.benchmark.baseline;

import org.jspecify.annotations.NullMarked;
