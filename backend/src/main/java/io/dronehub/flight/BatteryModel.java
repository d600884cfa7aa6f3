package io.dronehub.flight;

import java.time.Duration;

/**
 * How fast a battery drains in flight and recharges on the ground, and the voltage of a
 * 4S LiPo pack at a given charge.
 */
final class BatteryModel {

	private static final int CELLS = 4;

	private static final double CELL_EMPTY_VOLTS = 3.5;

	private static final double CELL_FULL_VOLTS = 4.2;

	/** Armed on the ground the motors idle at a fraction of hover power. */
	private static final double IDLE_FRACTION = 0.2;

	/** Extra drain per m/s of horizontal speed, as a fraction of hover drain. */
	private static final double SPEED_FACTOR = 0.04;

	/** Extra drain per m/s of climb, as a fraction of hover drain. */
	private static final double CLIMB_FACTOR = 0.3;

	private final double hoverDrainPercentPerSecond;

	private final double rechargePercentPerSecond;

	BatteryModel(FlightProperties.BatterySettings settings) {
		this.hoverDrainPercentPerSecond = 100.0 / seconds(settings.hoverEndurance());
		this.rechargePercentPerSecond = 100.0 / seconds(settings.rechargeTime());
	}

	/**
	 * The battery charge after {@code dtSeconds} in the given mode and motion.
	 */
	double next(double percent, FlightMode mode, double groundSpeed, double climbRate, double dtSeconds) {
		double rate = switch (mode) {
			case DISARMED -> -this.rechargePercentPerSecond;
			case ARMED -> this.hoverDrainPercentPerSecond * IDLE_FRACTION;
			default -> this.hoverDrainPercentPerSecond
					* (1 + SPEED_FACTOR * groundSpeed + CLIMB_FACTOR * Math.max(0, climbRate));
		};
		return Math.max(0, Math.min(100, percent - rate * dtSeconds));
	}

	double voltage(double percent) {
		return CELLS * (CELL_EMPTY_VOLTS + (CELL_FULL_VOLTS - CELL_EMPTY_VOLTS) * percent / 100);
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

}
