package io.dronehub.flight;

import java.util.List;

/**
 * Receives what the simulation produces. Called on the simulation thread: implementations
 * must not block.
 */
public interface FleetListener {

	/**
	 * Called once per tick with one new state per drone, in fleet order.
	 * @param states the states computed by this tick
	 */
	void statesComputed(List<DroneState> states);

	/**
	 * Called after a tick or a command that produced events, in the order they happened.
	 * @param events the new events
	 */
	void eventsOccurred(List<FleetEvent> events);

}
