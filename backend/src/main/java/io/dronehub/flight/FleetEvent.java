package io.dronehub.flight;

import org.jspecify.annotations.Nullable;

/**
 * An audit event about a drone; this record is the event message of the wire contract.
 *
 * @param type what happened
 * @param droneId the drone concerned, or {@code null} for an event about the whole hub
 * @param pilot the pilot involved (the acting pilot for control events, otherwise the
 * drone's pilot), or {@code null}
 * @param timestamp when it happened, epoch milliseconds
 * @param detail a human-readable description
 */
public record FleetEvent(EventType type, @Nullable String droneId, @Nullable String pilot, long timestamp,
		String detail) {
}
