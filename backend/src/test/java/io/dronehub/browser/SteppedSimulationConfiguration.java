package io.dronehub.browser;

import io.dronehub.SteppingClock;
import io.dronehub.SteppingClockConfiguration;
import io.dronehub.flight.SimulationLoop;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Gives a hub started with {@code hub.simulation.clock=manual} a clock that moves only
 * with the simulation, and a {@link SteppedSimulation} to step both.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SteppingClockConfiguration.class)
class SteppedSimulationConfiguration {

	@Bean
	SteppedSimulation steppedSimulation(SimulationLoop loop, SteppingClock clock) {
		return new SteppedSimulation(loop, clock);
	}

}
