package io.dronehub.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.dronehub.cluster.ClusterProperties;
import io.dronehub.control.ControlHandovers;
import io.dronehub.control.ControlLeases;
import io.dronehub.control.ControlPrompts;
import io.dronehub.flight.Fleet;
import io.dronehub.flight.FleetListener;
import io.dronehub.flight.FleetProperties;
import io.dronehub.flight.FlightProperties;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.flight.SimulationProperties;
import io.dronehub.flight.TickObserver;
import io.dronehub.telemetry.RecentEvents;
import io.dronehub.telemetry.TelemetryPublisher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The simulation's beans: the fleet on its own thread, handing its states and events to
 * the latest events kept for late joiners, the telemetry publisher and the counter of
 * published states, and control leases. On a node of a cluster the fleet starts with no
 * drone simulated: the cluster gives it drones one at a time. Ticking starts once the
 * application is ready, unless the clock is manual.
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
	ControlHandovers controlHandovers(ControlLeases leases, ControlPrompts prompts, Clock clock) {
		return new ControlHandovers(leases, prompts, clock);
	}

	/**
	 * The simulation, handing its states and events first to the recent events (so that
	 * an event is kept there before it is published, and a client that subscribes to
	 * {@code /topic/events} and then to {@code /app/events} gets every event from one or
	 * the other, or both), then to the telemetry publisher, then to every other
	 * {@link FleetListener} bean (the counter of published states, the flight recorder).
	 * None of them may block it.
	 */
	@Bean
	SimulationLoop simulationLoop(FleetProperties fleet, FlightProperties flight, SimulationProperties simulation,
			ClusterProperties cluster, Clock clock, RecentEvents recentEvents, TelemetryPublisher publisher,
			ObjectProvider<FleetListener> listeners, TickObserver tickObserver) {
		List<FleetListener> inOrder = new ArrayList<>(List.of(recentEvents, publisher));
		listeners.orderedStream().filter((listener) -> !inOrder.contains(listener)).forEach(inOrder::add);
		return new SimulationLoop(new Fleet(fleet, flight, clock, !cluster.enabled()), simulation.tickPeriod(), inOrder,
				tickObserver);
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
