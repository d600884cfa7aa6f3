package io.dronehub.browser;

import io.dronehub.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.dronehub.flight.DroneState;
import io.dronehub.flight.SimulationLoop;

/**
 * Steps a hub's manual simulation from a test, moving its clock by one tick period before
 * each tick so that telemetry timestamps (and so charts and trails) advance as they would
 * in real time.
 */
final class SteppedSimulation {

	private static final Duration TICK = Duration.ofMillis(100);

	private final SimulationLoop loop;

	private final SteppingClock clock;

	SteppedSimulation(SimulationLoop loop, SteppingClock clock) {
		this.loop = loop;
		this.clock = clock;
	}

	/**
	 * Runs ticks of 100 ms (the default 10 Hz) and waits until their states are
	 * published.
	 * @param ticks how many
	 * @throws Exception if the simulation fails or takes longer than 10 s per tick
	 */
	void advance(int ticks) throws Exception {
		for (int i = 0; i < ticks; i++) {
			this.clock.advance(TICK);
			this.loop.advance(1).get(10, TimeUnit.SECONDS);
		}
	}

	/**
	 * The hub's latest state of one drone.
	 * @param droneId the drone
	 * @return its state after the latest tick
	 */
	DroneState latest(String droneId) {
		return this.loop.latestStates()
			.stream()
			.filter((state) -> state.droneId().equals(droneId))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * The hub's time, which moves only when the simulation is stepped.
	 * @return the stepped clock's instant
	 */
	Instant now() {
		return this.clock.instant();
	}

	/**
	 * How many ticks the simulation has run.
	 * @return the tick count
	 */
	long ticks() {
		return this.loop.ticks();
	}

}
