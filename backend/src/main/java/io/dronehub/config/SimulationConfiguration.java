package io.dronehub.config;

import java.time.Clock;

import io.dronehub.control.ControlLeases;
import io.dronehub.flight.Fleet;
import io.dronehub.flight.FleetProperties;
import io.dronehub.flight.FlightProperties;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.flight.SimulationProperties;
import io.dronehub.flight.TickObserver;
import io.dronehub.ops.PublishedStatesCounter;
import io.dronehub.telemetry.TelemetryFanout;
import io.dronehub.telemetry.TelemetryPublisher;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.SimpMessagingTemplate;

/**
 * The simulation's beans: the fleet on its own thread, control leases, and the publisher
 * of its states. Ticking starts once the application is ready, unless the clock is
 * manual.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ FleetProperties.class, FlightProperties.class, SimulationProperties.class })
class SimulationConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	ControlLeases controlLeases() {
		return new ControlLeases();
	}

	@Bean
	TelemetryPublisher telemetryPublisher(TelemetryFanout fanout, SimpMessagingTemplate messaging) {
		return new TelemetryPublisher(fanout, messaging);
	}

	@Bean
	SimulationLoop simulationLoop(FleetProperties fleet, FlightProperties flight, SimulationProperties simulation,
			Clock clock, TelemetryPublisher publisher, MeterRegistry meters, TickObserver tickObserver) {
		return new SimulationLoop(new Fleet(fleet, flight, clock), simulation.tickPeriod(),
				new PublishedStatesCounter(publisher, meters), tickObserver);
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> simulationStarter(SimulationLoop loop, SimulationProperties simulation) {
		return (ready) -> {
			if (simulation.clock() == SimulationProperties.ClockMode.REALTIME) {
				loop.start();
			}
		};
	}

}
