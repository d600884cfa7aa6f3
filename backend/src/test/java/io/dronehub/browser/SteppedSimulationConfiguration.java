package io.dronehub.browser;

import io.dronehub.SteppingClock;
import java.time.Instant;

import io.dronehub.flight.SimulationLoop;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Gives a hub started with {@code hub.simulation.clock=manual} a clock that moves only
 * with the simulation, and a {@link SteppedSimulation} to step both.
 */
@TestConfiguration(proxyBeanMethods = false)
class SteppedSimulationConfiguration {

	@Bean
	@Primary
	SteppingClock steppingClock() {
		return new SteppingClock(Instant.now());
	}

	@Bean
	SteppedSimulation steppedSimulation(SimulationLoop loop, SteppingClock clock) {
		return new SteppedSimulation(loop, clock);
	}

}
