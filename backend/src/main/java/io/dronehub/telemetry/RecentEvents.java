package io.dronehub.telemetry;

import java.util.List;
import java.util.stream.Stream;

import io.dronehub.flight.DroneState;
import io.dronehub.flight.FleetEvent;
import io.dronehub.flight.FleetListener;

/**
 * The latest {@value #CAPACITY} events the simulation produced, oldest first, for
 * {@code /app/events}.
 * <p>
 * Written on the simulation thread (and, on a node of a cluster, on the thread that
 * receives the other nodes' events), read from any thread: each batch of events swaps in
 * a new immutable list through a volatile field, so a reader sees the list as it was
 * after one batch, never one being changed. A tick without events costs nothing.
 */
public final class RecentEvents implements FleetListener {

	/** How many events are kept. */
	public static final int CAPACITY = 100;

	private volatile List<FleetEvent> latest = List.of();

	/**
	 * The latest events; safe to call from any thread.
	 * @return at most {@value #CAPACITY} events, oldest first, immutable
	 */
	public List<FleetEvent> latest() {
		return this.latest;
	}

	@Override
	public void statesComputed(List<DroneState> states) {
	}

	/**
	 * Keeps events; synchronised, since a node of a cluster also keeps the events that
	 * other nodes send, on the thread that receives them.
	 */
	@Override
	public synchronized void eventsOccurred(List<FleetEvent> events) {
		List<FleetEvent> kept = this.latest;
		long dropped = Math.max(0, kept.size() + events.size() - CAPACITY);
		this.latest = Stream.concat(kept.stream(), events.stream()).skip(dropped).toList();
	}

}
