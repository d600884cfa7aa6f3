/**
 * STOMP/WebSocket wiring and the simulation's Spring beans.
 */
@NullMarked
package io.dronehub.config;

import org.jspecify.annotations.NullMarked;
