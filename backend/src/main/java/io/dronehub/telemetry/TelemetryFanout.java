package io.dronehub.telemetry;

import java.util.List;

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

	TelemetryFanout(SessionWriters<TelemetrySlots> writers, JsonMapper json) {
		this.writers = writers;
		this.json = json;
	}

	/**
	 * Offers a tick's states to every session; returns without waiting for any write.
	 * @param states the states of one tick
	 */
	void publish(List<DroneState> states) {
		TickFrames tick = new TickFrames(states, this.json);
		for (SessionWriter<TelemetrySlots> writer : this.writers.all()) {
			writer.updateLatest(TelemetrySlots::offer, tick);
		}
	}

}
