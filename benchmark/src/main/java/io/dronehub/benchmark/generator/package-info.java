/**
 * The load generator: STOMP spectators, pilots and a publisher over Netty WebSocket
 * clients, measuring delivery rate, latency, loss and order.
 */
@NullMarked
package io.dronehub.benchmark.generator;

import org.jspecify.annotations.NullMarked;
