package io.dronehub.flight;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Flight limits, geofence, battery and failsafe settings shared by every drone. Defaults
 * follow PX4 and ArduCopter multicopter parameters (named in each component's
 * description).
 *
 * @param maxHorizontalSpeed top horizontal speed under MOVE, m/s (PX4
 * {@code MPC_XY_VEL_MAX} 12)
 * @param cruiseSpeed horizontal speed for GOTO, NUDGE and RTL, m/s (PX4
 * {@code MPC_XY_CRUISE} 5)
 * @param maxClimbRate top climb rate, m/s (PX4 {@code MPC_Z_VEL_MAX_UP} 3)
 * @param maxDescentRate top descent rate, m/s (PX4 {@code MPC_Z_VEL_MAX_DN} 1.5)
 * @param takeoffClimbRate climb rate during TAKEOFF, m/s (PX4 {@code MPC_TKO_SPEED} 1.5)
 * @param landingDescentRate descent rate in the last metres of a landing, m/s (PX4
 * {@code MPC_LAND_SPEED} 0.7)
 * @param horizontalAcceleration horizontal acceleration limit, m/s² (PX4
 * {@code MPC_ACC_HOR} 3)
 * @param verticalAcceleration vertical acceleration limit, m/s²
 * @param maxYawRate top yaw rate, degrees per second
 * @param minAltitude lowest altitude a TAKEOFF, GOTO or NUDGE may aim for, m
 * @param returnAltitude altitude RTL climbs to before flying home, m (ArduCopter
 * {@code RTL_ALT} 15)
 * @param moveTimeout how long a MOVE set-point lasts before the drone holds (dead-man
 * switch; PX4 {@code COM_OF_LOSS_T} 1 s)
 * @param linkLossTimeout how long a drone whose pilot disconnected holds before it
 * returns to launch (ArduCopter {@code FS_GCS_TIMEOUT} 5 s)
 * @param geofence the cylinder around home that drones may not leave
 * @param battery battery capacity and failsafe thresholds
 */
@ConfigurationProperties("hub.flight")
@Validated
public record FlightProperties(@DefaultValue("12") @Positive double maxHorizontalSpeed,
		@DefaultValue("5") @Positive double cruiseSpeed, @DefaultValue("3") @Positive double maxClimbRate,
		@DefaultValue("1.5") @Positive double maxDescentRate, @DefaultValue("1.5") @Positive double takeoffClimbRate,
		@DefaultValue("0.7") @Positive double landingDescentRate,
		@DefaultValue("3") @Positive double horizontalAcceleration,
		@DefaultValue("4") @Positive double verticalAcceleration, @DefaultValue("60") @Positive double maxYawRate,
		@DefaultValue("1") @Positive double minAltitude, @DefaultValue("15") @Positive double returnAltitude,
		@DefaultValue("1s") Duration moveTimeout, @DefaultValue("5s") Duration linkLossTimeout,
		@DefaultValue @Valid Geofence geofence, @DefaultValue @Valid BatterySettings battery) {

	/**
	 * A cylindrical geofence centred on each drone's home.
	 *
	 * @param radius horizontal radius, m (ArduCopter {@code FENCE_RADIUS} 300)
	 * @param maxAltitude ceiling above home, m (ArduCopter {@code FENCE_ALT_MAX} 100)
	 */
	public record Geofence(@DefaultValue("300") @Positive double radius,
			@DefaultValue("100") @Positive double maxAltitude) {
	}

	/**
	 * Battery capacity and failsafe thresholds.
	 *
	 * @param hoverEndurance how long a full battery lasts hovering
	 * @param lowPercent below this the hub forces RTL ({@code LOW_BATTERY}) and refuses
	 * to arm
	 * @param emptyPercent below this the drone lands where it is and refuses other
	 * commands
	 * @param rechargeTime how long a disarmed drone takes to recharge from empty to full
	 * (a battery swap on the ground)
	 */
	public record BatterySettings(@DefaultValue("20m") Duration hoverEndurance,
			@DefaultValue("15") @DecimalMin("0") @DecimalMax("100") double lowPercent,
			@DefaultValue("5") @DecimalMin("0") @DecimalMax("100") double emptyPercent,
			@DefaultValue("5m") Duration rechargeTime) {
	}

}
