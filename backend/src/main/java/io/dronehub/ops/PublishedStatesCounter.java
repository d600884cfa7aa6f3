package io.dronehub.ops;

import java.util.List;

import io.dronehub.flight.DroneState;
import io.dronehub.flight.FleetEvent;
import io.dronehub.flight.FleetListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the states the simulation publishes ({@code hub.telemetry.published}). Called on
 * the simulation thread.
 */
public class PublishedStatesCounter implements FleetListener {

	private final Counter published;

	PublishedStatesCounter(MeterRegistry meters) {
		this.published = Counter.builder("hub.telemetry.published")
			.description("Drone states published by the simulation, one per drone per tick")
			.register(meters);
	}

	@Override
	public void statesComputed(List<DroneState> states) {
		this.published.increment(states.size());
	}

	@Override
	public void eventsOccurred(List<FleetEvent> events) {
	}

}
