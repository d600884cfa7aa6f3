package io.dronehub.flight;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.dronehub.contract.Unit;
import org.jspecify.annotations.Nullable;

/**
 * An audit event about a drone; this record is the event message of the wire contract.
 */
@JsonClassDescription("Something worth an audit line happened to a drone or to the hub.")
public record FleetEvent(@JsonPropertyDescription("what happened") EventType type,
		@JsonPropertyDescription("the drone concerned, or null for an event about the whole hub") @Nullable String droneId,
		@JsonPropertyDescription("the pilot involved (the acting pilot for control events, otherwise the drone's "
				+ "pilot), or null") @Nullable String pilot,
		@JsonPropertyDescription("when it happened, epoch milliseconds") @Unit("ms") long timestamp,
		@JsonPropertyDescription("what happened, in words") String detail) {
}
