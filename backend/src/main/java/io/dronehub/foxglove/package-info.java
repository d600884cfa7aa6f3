/**
 * The hub for Foxglove and Lichtblick: the Foxglove WebSocket protocol at
 * {@code /foxglove}, read-only, with a channel per drone's telemetry and location and one
 * for the events; and Foxglove's message types that the flight recorder's MCAP exports
 * share.
 */
@NullMarked
package io.dronehub.foxglove;

import org.jspecify.annotations.NullMarked;
