package io.dronehub.telemetry;

import java.util.List;

import io.dronehub.flight.DroneState;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers each tick's states to every telemetry subscription, beside the broker: states
 * are serialised once, frames are shared per subscription id, and each session's outbox
 * writes its share without blocking the simulation thread.
 */
public class TelemetryFanout {

	private final Outboxes outboxes;

	private final JsonMapper json;

	TelemetryFanout(Outboxes outboxes, JsonMapper json) {
		this.outboxes = outboxes;
		this.json = json;
	}

	/**
	 * Offers a tick's states to every session; returns without waiting for any write.
	 * @param states the states of one tick
	 */
	public void publish(List<DroneState> states) {
		TickFrames tick = new TickFrames(states, this.json);
		for (Outbox outbox : this.outboxes.all()) {
			outbox.offer(tick);
		}
	}

}
