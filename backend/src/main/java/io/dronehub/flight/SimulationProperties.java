package io.dronehub.flight;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the simulation advances.
 *
 * @param rateHz ticks per second, 1 to 50; every tick publishes one state per drone
 * @param clock {@code realtime} ticks on a timer; {@code manual} advances only when
 * {@link SimulationLoop#advance(int)} is called (tests, scripted replays)
 */
@ConfigurationProperties("hub.simulation")
@Validated
public record SimulationProperties(@DefaultValue("10") @Min(1) @Max(50) int rateHz,
		@DefaultValue("realtime") ClockMode clock) {

	/**
	 * The simulated time that passes in one tick.
	 * @return one over the tick rate
	 */
	public Duration tickPeriod() {
		return Duration.ofNanos(1_000_000_000L / this.rateHz);
	}

	/**
	 * What drives the simulation's ticks.
	 */
	public enum ClockMode {

		/** A timer ticks at {@code rate-hz}. */
		REALTIME,
		/** Nothing ticks until asked to. */
		MANUAL

	}

}
