package io.dronehub.flight;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.dronehub.contract.Unit;
import org.jspecify.annotations.Nullable;

/**
 * One immutable snapshot of a drone, computed once per simulation tick; this record is
 * the telemetry message of the wire contract.
 */
@JsonClassDescription("One drone's state at one simulation tick; every field but mission and control is always "
		+ "present, in this order.")
public record DroneState(@JsonPropertyDescription("the drone's id, e.g. d1") String droneId,
		@JsonPropertyDescription("increases by exactly one per tick for this drone") long seq,
		@JsonPropertyDescription("when the state was computed, epoch milliseconds") @Unit("ms") long timestamp,
		@JsonPropertyDescription("the flight mode") FlightMode mode,
		@JsonPropertyDescription("whether the motors are armed") boolean armed,
		@JsonPropertyDescription("where the drone is; alt is above home") Position position,
		@JsonPropertyDescription("velocity in the local north-east-up frame") Velocity velocity,
		@JsonPropertyDescription("horizontal speed") @Unit("m/s") double groundSpeed,
		@JsonPropertyDescription("where the nose points, clockwise from north, 0 to 360") @Unit("deg") double heading,
		@JsonPropertyDescription("charge and voltage") Battery battery,
		@JsonPropertyDescription("where the drone returns to and lands on RTL") GeoPoint home,
		@JsonPropertyDescription("the name of whoever controls the drone, or null") @Nullable String pilot,
		@JsonPropertyDescription("why the hub took over from the pilot, or null") @Nullable Failsafe failsafe,
		@JsonPropertyDescription("the uploaded mission and the waypoint being flown to; left out while there is "
				+ "none") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable MissionStatus mission,
		@JsonPropertyDescription("whether the pilot allows takeover and who asks for control; left out while "
				+ "neither") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable ControlStatus control) {
}
