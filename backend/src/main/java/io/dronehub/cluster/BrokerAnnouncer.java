package io.dronehub.cluster;

import io.dronehub.flight.EventType;
import io.dronehub.flight.SimulationLoop;

/**
 * Tells this node's clients, on {@code /topic/events}, when the node loses the broker
 * ({@code BROKER_LOST}: it keeps serving the drones it simulates, the others' telemetry
 * stops) and when it has it again ({@code BROKER_RECOVERED}). The first connection is not
 * announced. Called on the broker link's threads; the events are recorded on the
 * simulation thread.
 */
final class BrokerAnnouncer implements BrokerLinkListener {

	private final ClusterNode node;

	private final SimulationLoop simulation;

	private volatile boolean lost;

	BrokerAnnouncer(ClusterNode node, SimulationLoop simulation) {
		this.node = node;
		this.simulation = simulation;
	}

	@Override
	public void linkUp() {
		if (this.lost) {
			this.lost = false;
			announce(EventType.BROKER_RECOVERED, "node " + this.node.id() + " is connected to the broker again");
		}
	}

	@Override
	public void linkDown(String reason) {
		this.lost = true;
		announce(EventType.BROKER_LOST, "node " + this.node.id() + " lost the broker (" + reason
				+ "): it serves only the drones it simulates until the broker is back");
	}

	private void announce(EventType type, String detail) {
		this.simulation.submit((fleet) -> {
			fleet.events().record(type, null, null, detail);
			return true;
		});
	}

}
