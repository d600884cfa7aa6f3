package io.dronehub.flight;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Collects the events that drones and control requests produce until the simulation loop
 * publishes them. Owned by the simulation thread.
 */
public final class EventLog {

	private final Clock clock;

	private final List<FleetEvent> pending = new ArrayList<>();

	EventLog(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Records an event, stamped with the current time.
	 * @param type what happened
	 * @param droneId the drone concerned, or {@code null} for an event about the whole
	 * hub
	 * @param pilot the pilot involved, or {@code null}
	 * @param detail a human-readable description
	 */
	public void record(EventType type, @Nullable String droneId, @Nullable String pilot, String detail) {
		this.pending.add(new FleetEvent(type, droneId, pilot, this.clock.millis(), detail));
	}

	List<FleetEvent> drain() {
		if (this.pending.isEmpty()) {
			return List.of();
		}
		List<FleetEvent> drained = List.copyOf(this.pending);
		this.pending.clear();
		return drained;
	}

}
