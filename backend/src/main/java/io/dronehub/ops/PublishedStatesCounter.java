package io.dronehub.ops;

import java.util.List;

import io.dronehub.flight.DroneState;
import io.dronehub.flight.FleetEvent;
import io.dronehub.flight.FleetListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the states the simulation publishes ({@code hub.telemetry.published}) on their
 * way to another {@link FleetListener}. Called on the simulation thread.
 */
public class PublishedStatesCounter implements FleetListener {

	private final FleetListener delegate;

	private final Counter published;

	/**
	 * Creates a counting listener.
	 * @param delegate receives everything this listener receives
	 * @param meters where the counter is registered
	 */
	public PublishedStatesCounter(FleetListener delegate, MeterRegistry meters) {
		this.delegate = delegate;
		this.published = Counter.builder("hub.telemetry.published")
			.description("Drone states published by the simulation, one per drone per tick")
			.register(meters);
	}

	@Override
	public void statesComputed(List<DroneState> states) {
		this.delegate.statesComputed(states);
		this.published.increment(states.size());
	}

	@Override
	public void eventsOccurred(List<FleetEvent> events) {
		this.delegate.eventsOccurred(events);
	}

}
