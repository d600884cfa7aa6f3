package io.dronehub.telemetry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.dronehub.flight.DroneState;
import io.dronehub.outbound.SessionWriter;
import io.dronehub.outbound.SessionWriters;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers each tick's states to every telemetry subscription, beside the broker: states
 * are serialised once, frames are shared per subscription id, and each session's writer
 * writes its share without blocking the simulation thread.
 */
class TelemetryFanout {

	private final SessionWriters<TelemetrySlots> writers;

	private final JsonMapper json;

	private final Map<String, Integer> slots = new HashMap<>();

	/**
	 * Creates the fan-out of a fleet's states.
	 * @param writers every session's writer
	 * @param json serialises states
	 * @param droneIds every drone of the fleet, in fleet order: each one's frames wait in
	 * a slot of its own, whichever tick or node they come from
	 */
	TelemetryFanout(SessionWriters<TelemetrySlots> writers, JsonMapper json, List<String> droneIds) {
		this.writers = writers;
		this.json = json;
		for (String droneId : droneIds) {
			this.slots.put(droneId, this.slots.size());
		}
	}

	/**
	 * Offers states of one tick to every session; returns without waiting for any write.
	 * Safe to call from several threads for different drones: a node of a cluster
	 * publishes its own drones' states from the simulation thread and the others' from a
	 * thread of the cluster's.
	 * @param states the states of one tick, of drones of the fleet
	 */
	void publish(List<DroneState> states) {
		TickFrames tick = new TickFrames(states, this.json, this.slots);
		for (SessionWriter<TelemetrySlots> writer : this.writers.all()) {
			writer.updateLatest(TelemetrySlots::offer, tick);
		}
	}

}
