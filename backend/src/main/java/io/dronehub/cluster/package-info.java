/**
 * Several hub nodes joined by a STOMP message broker (RabbitMQ or Artemis): this node's
 * id and its one connection to the broker.
 */
@NullMarked
package io.dronehub.cluster;

import org.jspecify.annotations.NullMarked;
