package io.dronehub.ops;

import io.dronehub.flight.SimulationLoop;
import io.dronehub.flight.SimulationProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The simulator's health contributor ({@code simulation}).
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

	@Bean
	SimulationHealthIndicator simulationHealthIndicator(SimulationLoop simulation, SimulationProperties settings) {
		return new SimulationHealthIndicator(simulation, settings, System::nanoTime);
	}

}
