package io.dronehub.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.dronehub.control.Pilot;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.LatestStates;
import org.jspecify.annotations.Nullable;

/**
 * Every drone's latest state on a node of a cluster: the drones this node simulates from
 * its own latest tick, the others from the latest state another node published of them.
 * Safe to use from any thread.
 */
final class ClusterStates implements LatestStates {

	private final List<String> droneIds;

	private final Map<String, Integer> order = new HashMap<>();

	private final Map<String, Published> remote = new ConcurrentHashMap<>();

	private volatile Set<String> simulatedHere = Set.of();

	private volatile List<DroneState> local = List.of();

	/**
	 * Creates the view of a node that has heard nothing yet.
	 * @param droneIds every drone of the fleet, in fleet order
	 */
	ClusterStates(List<String> droneIds) {
		this.droneIds = List.copyOf(droneIds);
		for (String droneId : droneIds) {
			this.order.put(droneId, this.order.size());
		}
	}

	/**
	 * Keeps the states of this node's latest tick.
	 * @param states one per drone simulated here
	 */
	void simulated(List<DroneState> states) {
		this.local = states;
	}

	/**
	 * Keeps the states another node published, except those of drones simulated here.
	 * @param node the node that published them
	 * @param states its states of one tick
	 * @return the states kept, to hand to this node's spectators
	 */
	List<DroneState> published(String node, List<DroneState> states) {
		Set<String> here = this.simulatedHere;
		List<DroneState> kept = new ArrayList<>(states.size());
		for (DroneState state : states) {
			if (this.order.containsKey(state.droneId()) && !here.contains(state.droneId())) {
				this.remote.put(state.droneId(), new Published(node, state, null));
				kept.add(state);
			}
		}
		return kept;
	}

	/**
	 * Keeps the state of a drone that another node handed over, with its pilot.
	 * @param handover what the node said
	 */
	void handedOver(ClusterMessage.Handover handover) {
		Pilot pilot = (handover.pilot() != null && handover.sessionId() != null)
				? new Pilot(handover.pilot(), handover.sessionId()) : null;
		this.remote.put(handover.state().droneId(), new Published(handover.node(), handover.state(), pilot));
	}

	/**
	 * The latest state another node published of a drone.
	 * @param droneId the drone
	 * @return the node and the state, or {@code null} if none has been heard of
	 */
	@Nullable Published lastPublished(String droneId) {
		return this.remote.get(droneId);
	}

	/**
	 * Takes note of which drones this node simulates now.
	 * @param droneIds their ids
	 */
	void simulatedHere(Set<String> droneIds) {
		this.simulatedHere = Set.copyOf(droneIds);
	}

	/**
	 * Whether this node simulates a drone now.
	 * @param droneId the drone
	 * @return {@code true} if it is among the drones last noted as simulated here
	 */
	boolean isSimulatedHere(String droneId) {
		return this.simulatedHere.contains(droneId);
	}

	/** The drones of the fleet, in fleet order. */
	List<String> droneIds() {
		return this.droneIds;
	}

	@Override
	public List<DroneState> latestStates() {
		Map<String, DroneState> latest = new HashMap<>();
		this.remote.forEach((droneId, published) -> latest.put(droneId, published.state()));
		for (DroneState state : this.local) {
			latest.put(state.droneId(), state);
		}
		List<DroneState> states = new ArrayList<>(latest.values());
		states.sort((a, b) -> Integer.compare(this.order.get(a.droneId()), this.order.get(b.droneId())));
		return states;
	}

	/**
	 * A drone's state as a node published it.
	 *
	 * @param node the node
	 * @param state the state
	 * @param pilot who controls the drone, known by a session named for the cluster, if
	 * the node handed it over with its control; {@code null} otherwise
	 */
	record Published(String node, DroneState state, @Nullable Pilot pilot) {
	}

}
