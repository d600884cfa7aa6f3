package io.dronehub.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.dronehub.flight.DroneState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The other nodes' states on their way to this node's fan-out, newest per drone, as the
 * fan-out keeps them per session: the broker link's I/O thread only leaves each state
 * here, and one thread of the fan-out's own hands what is pending to it. When that thread
 * falls behind (a busy core), a drone's newer state replaces its older one here, counted
 * in {@code hub.cluster.states.conflated}, instead of the broker's messages queueing up
 * behind a slow reader and arriving later and later.
 * <p>
 * Thread-safe: {@link #offer} is called on the I/O thread, the hand-over runs on the
 * executor, one task at a time.
 */
final class RemoteTelemetry implements AutoCloseable {

	private final Map<String, Integer> slots = new HashMap<>();

	private final Predicate<String> simulatedHere;

	private final Consumer<List<DroneState>> fanout;

	private final ExecutorService executor;

	private final Counter conflated;

	/** Each drone's newest state not yet handed over, in fleet order; guarded by this. */
	private final @Nullable DroneState[] pending;

	/** Whether a hand-over is queued or running; guarded by this. */
	private boolean queued;

	/**
	 * @param droneIds every drone of the fleet, in fleet order
	 * @param simulatedHere whether this node simulates a drone now: a state of such a
	 * drone still on its way from the node that had it is not handed over, since this
	 * node's own are newer
	 * @param fanout receives the states, in fleet order, on the executor's thread
	 * @param executor runs the hand-overs one at a time; shut down on {@link #close()}
	 * @param meters registers {@code hub.cluster.states.conflated}
	 */
	RemoteTelemetry(List<String> droneIds, Predicate<String> simulatedHere, Consumer<List<DroneState>> fanout,
			ExecutorService executor, MeterRegistry meters) {
		for (String droneId : droneIds) {
			this.slots.put(droneId, this.slots.size());
		}
		this.simulatedHere = simulatedHere;
		this.fanout = fanout;
		this.executor = executor;
		this.pending = new DroneState[droneIds.size()];
		this.conflated = Counter.builder("hub.cluster.states.conflated")
			.description("Other nodes' states replaced by a newer state of their drone before this node's fan-out "
					+ "took them")
			.register(meters);
	}

	/**
	 * Leaves states for the fan-out, replacing older ones of the same drones that it has
	 * not taken yet; returns without waiting.
	 * @param states states of drones of the fleet, as another node published them
	 */
	void offer(List<DroneState> states) {
		int replaced = 0;
		boolean queue;
		synchronized (this) {
			for (DroneState state : states) {
				int slot = this.slots.get(state.droneId());
				if (this.pending[slot] != null) {
					replaced++;
				}
				this.pending[slot] = state;
			}
			queue = !this.queued;
			this.queued = true;
		}
		this.conflated.increment(replaced);
		if (queue) {
			try {
				this.executor.execute(this::handOver);
			}
			catch (RejectedExecutionException ex) {
				// the node is shutting down: nothing more reaches its spectators
			}
		}
	}

	/** Stops handing states over: the node is shutting down. */
	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	private void handOver() {
		List<DroneState> states = new ArrayList<>();
		synchronized (this) {
			this.queued = false;
			for (int slot = 0; slot < this.pending.length; slot++) {
				DroneState state = this.pending[slot];
				if (state != null && !this.simulatedHere.test(state.droneId())) {
					states.add(state);
				}
				this.pending[slot] = null;
			}
		}
		if (!states.isEmpty()) {
			this.fanout.accept(states);
		}
	}

}
