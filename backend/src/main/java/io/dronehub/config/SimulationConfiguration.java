package io.dronehub.config;

import java.time.Clock;
import java.util.List;

import io.dronehub.control.ControlLeases;
import io.dronehub.flight.Fleet;
import io.dronehub.flight.FleetProperties;
import io.dronehub.flight.FlightProperties;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.flight.SimulationProperties;
import io.dronehub.flight.TickObserver;
import io.dronehub.ops.PublishedStatesCounter;
import io.dronehub.telemetry.RecentEvents;
import io.dronehub.telemetry.TelemetryPublisher;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The simulation's beans: the fleet on its own thread, handing its states and events to
 * the latest events kept for late joiners, the telemetry publisher and the counter of
 * published states, and control leases. Ticking starts once the application is ready,
 * unless the clock is manual.
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

	/**
	 * The loop, whose listeners are called in order: an event is kept in the recent
	 * events before it is published, so a client that subscribes to {@code /topic/events}
	 * and then to {@code /app/events} gets every event from one or the other, or both.
	 */
	@Bean
	SimulationLoop simulationLoop(FleetProperties fleet, FlightProperties flight, SimulationProperties simulation,
			Clock clock, RecentEvents recentEvents, TelemetryPublisher publisher,
			PublishedStatesCounter publishedStates, TickObserver tickObserver) {
		return new SimulationLoop(new Fleet(fleet, flight, clock), simulation.tickPeriod(),
				List.of(recentEvents, publisher, publishedStates), tickObserver);
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
