/**
 * Several hub nodes joined by a STOMP message broker (RabbitMQ or Artemis) and a shared
 * database: each node's one connection to the broker, the drone leases that decide which
 * node simulates which drone, and what crosses between the nodes.
 */
@NullMarked
package io.dronehub.cluster;

import org.jspecify.annotations.NullMarked;
