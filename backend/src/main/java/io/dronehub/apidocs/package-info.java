/**
 * The STOMP API described for people and tools: an AsyncAPI 3.0 document generated from
 * the message handlers, the declared publishers and the payload records, served at
 * {@code /asyncapi.json}.
 */
@NullMarked
package io.dronehub.apidocs;

import org.jspecify.annotations.NullMarked;
