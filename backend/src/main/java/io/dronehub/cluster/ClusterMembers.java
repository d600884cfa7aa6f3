package io.dronehub.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * The nodes of the cluster as this node hears them: each one's latest beat and when it
 * came. A node not heard from for {@code hub.cluster.node-timeout}, or that said it is
 * leaving, is not alive; it is forgotten ten timeouts later. This node counts as alive
 * always. Safe to use from any thread.
 */
final class ClusterMembers {

	private final String self;

	private final long timeoutNanos;

	private final LongSupplier nanoTime;

	private final Map<String, Heard> nodes = new TreeMap<>();

	private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

	/**
	 * Creates the view of a node that has heard nobody yet.
	 * @param self this node's id
	 * @param nodeTimeout how long a silent node stays alive
	 * @param nanoTime the time source, {@link System#nanoTime()} outside tests
	 */
	ClusterMembers(String self, Duration nodeTimeout, LongSupplier nanoTime) {
		this.self = self;
		this.timeoutNanos = nodeTimeout.toNanos();
		this.nanoTime = nanoTime;
		this.nodes.put(self, new Heard(List.of(), false, nanoTime.getAsLong()));
	}

	/**
	 * Runs a task whenever a beat changes who is alive or who simulates what, on the
	 * thread that took note of the beat.
	 * @param listener a quick task
	 */
	void onChange(Runnable listener) {
		this.changeListeners.add(listener);
	}

	/**
	 * Takes note of a node's beat.
	 * @param beat what the node said
	 */
	void heard(ClusterMessage.Beat beat) {
		boolean changed;
		synchronized (this) {
			Heard before = this.nodes.get(beat.node());
			long now = this.nanoTime.getAsLong();
			this.nodes.put(beat.node(), new Heard(List.copyOf(beat.drones()), beat.leaving(), now));
			changed = before == null || !alive(before, now) || before.leaving() != beat.leaving()
					|| !before.drones().equals(beat.drones());
		}
		if (changed) {
			this.changeListeners.forEach(Runnable::run);
		}
	}

	/**
	 * Takes note of the drones this node simulates now.
	 * @param drones their ids
	 */
	synchronized void simulating(List<String> drones) {
		this.nodes.put(this.self, new Heard(List.copyOf(drones), false, this.nanoTime.getAsLong()));
	}

	/**
	 * Which live node says, in its latest beat, that it simulates a drone.
	 * @param droneId the drone
	 * @return the node's id, or {@code null} when no live node does
	 */
	synchronized @Nullable String simulating(String droneId) {
		long now = this.nanoTime.getAsLong();
		for (Map.Entry<String, Heard> node : this.nodes.entrySet()) {
			boolean alive = node.getKey().equals(this.self) || alive(node.getValue(), now);
			if (alive && node.getValue().drones().contains(droneId)) {
				return node.getKey();
			}
		}
		return null;
	}

	/**
	 * Whether a node said it was leaving in its latest beat.
	 * @param node the node's id
	 * @return {@code false} also for a node never heard of
	 */
	synchronized boolean left(String node) {
		Heard heard = this.nodes.get(node);
		return heard != null && heard.leaving();
	}

	/**
	 * The ids of the live nodes, this one included, in id order.
	 * @return a copy
	 */
	synchronized List<String> alive() {
		long now = this.nanoTime.getAsLong();
		List<String> alive = new ArrayList<>();
		this.nodes.forEach((id, heard) -> {
			if (id.equals(this.self) || alive(heard, now)) {
				alive.add(id);
			}
		});
		return alive;
	}

	/**
	 * Every node heard from lately, alive or not, in id order; forgets those silent for
	 * ten timeouts.
	 * @return one entry per node
	 */
	synchronized List<ClusterView.Node> nodes() {
		long now = this.nanoTime.getAsLong();
		this.nodes.entrySet()
			.removeIf(
					(node) -> !node.getKey().equals(this.self) && now - node.getValue().at() > 10 * this.timeoutNanos);
		List<ClusterView.Node> nodes = new ArrayList<>();
		this.nodes.forEach((id, heard) -> {
			boolean alive = id.equals(this.self) || alive(heard, now);
			nodes.add(new ClusterView.Node(id, alive, alive ? heard.drones() : List.of()));
		});
		return nodes;
	}

	private boolean alive(Heard heard, long now) {
		return !heard.leaving() && now - heard.at() <= this.timeoutNanos;
	}

	private record Heard(List<String> drones, boolean leaving, long at) {
	}

}
