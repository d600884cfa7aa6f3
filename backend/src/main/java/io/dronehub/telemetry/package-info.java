/**
 * Publishing simulated states and events to STOMP topics, the fleet snapshot and the
 * recent events for late joiners, and the REST read API.
 */
@NullMarked
package io.dronehub.telemetry;

import org.jspecify.annotations.NullMarked;
