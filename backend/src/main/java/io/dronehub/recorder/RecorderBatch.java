package io.dronehub.recorder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dronehub.flight.DroneState;

/**
 * What one write to the database holds: the latest summary of every flight it touches,
 * and the states and log entries to add. Filled and written on the recorder's thread.
 */
final class RecorderBatch {

	private final Map<UUID, Flight> flights = new LinkedHashMap<>();

	private final List<StateRow> states = new ArrayList<>();

	private final List<EventRow> events = new ArrayList<>();

	private final Map<UUID, Long> statesPerFlight = new LinkedHashMap<>();

	void flight(Flight summary) {
		this.flights.put(summary.id(), summary);
	}

	void state(UUID flightId, DroneState state) {
		this.states.add(new StateRow(flightId, state));
		this.statesPerFlight.merge(flightId, 1L, Long::sum);
	}

	void event(UUID flightId, int eventNo, FlightLogEntry entry) {
		this.events.add(new EventRow(flightId, eventNo, entry));
	}

	List<Flight> flights() {
		return List.copyOf(this.flights.values());
	}

	List<StateRow> states() {
		return this.states;
	}

	List<EventRow> events() {
		return this.events;
	}

	boolean isEmpty() {
		return this.flights.isEmpty();
	}

	/** How many of this batch's states belong to a flight. */
	long statesOf(UUID flightId) {
		return this.statesPerFlight.getOrDefault(flightId, 0L);
	}

	record StateRow(UUID flightId, DroneState state) {
	}

	record EventRow(UUID flightId, int eventNo, FlightLogEntry entry) {
	}

}
