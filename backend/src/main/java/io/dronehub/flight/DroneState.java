package io.dronehub.flight;

import org.jspecify.annotations.Nullable;

/**
 * One immutable snapshot of a drone, computed once per simulation tick; this record is
 * the telemetry message of the wire contract.
 *
 * @param droneId the drone's id, e.g. {@code d1}
 * @param seq increases by one per tick for this drone
 * @param timestamp when the state was computed, epoch milliseconds
 * @param mode the flight mode
 * @param armed whether the motors are armed
 * @param position where the drone is; altitude above home
 * @param velocity north-east-up velocity in m/s
 * @param groundSpeed horizontal speed in m/s
 * @param heading where the nose points, degrees clockwise from north, 0 to 360
 * @param battery charge and voltage
 * @param home where the drone returns to
 * @param pilot the name of whoever controls the drone, or {@code null}
 * @param failsafe why the hub took over, or {@code null}
 */
public record DroneState(String droneId, long seq, long timestamp, FlightMode mode, boolean armed, Position position,
		Velocity velocity, double groundSpeed, double heading, Battery battery, GeoPoint home, @Nullable String pilot,
		@Nullable Failsafe failsafe) {
}
