package io.dronehub.cluster;

import java.util.List;

import io.dronehub.flight.DroneState;
import io.dronehub.flight.FleetEvent;
import io.dronehub.flight.FleetListener;
import io.dronehub.telemetry.RecentEvents;

/**
 * Carries telemetry and events between the nodes of a cluster, once per node rather than
 * once per spectator: it publishes each tick of this node's drones and its events to the
 * broker, and hands what the other nodes publish to this node's own fan-out (through the
 * {@link RemoteTelemetry}), events topic and recent events, their beats to the
 * {@link ClusterMembers}, and the drones they hand over to the {@link ClusterStates}. The
 * latest tick of this node's drones goes to the {@link ClusterStates} too.
 * <p>
 * Its {@link FleetListener} side runs on the simulation thread; what arrives runs on the
 * broker link's I/O thread.
 */
final class ClusterRelay implements FleetListener {

	private final ClusterChannel channel;

	private final ClusterStates states;

	private final ClusterMembers members;

	private final RemoteTelemetry telemetry;

	private final LiveViewers viewers;

	private final RecentEvents recentEvents;

	ClusterRelay(ClusterChannel channel, ClusterStates states, ClusterMembers members, RemoteTelemetry telemetry,
			LiveViewers viewers, RecentEvents recentEvents) {
		this.channel = channel;
		this.states = states;
		this.members = members;
		this.telemetry = telemetry;
		this.viewers = viewers;
		this.recentEvents = recentEvents;
		channel.subscribe(ClusterMessage.DESTINATION, this::received);
	}

	@Override
	public void statesComputed(List<DroneState> states) {
		this.states.simulated(states);
		if (!states.isEmpty()) {
			send(new ClusterMessage.Tick(this.channel.self(), states));
		}
	}

	@Override
	public void eventsOccurred(List<FleetEvent> events) {
		send(new ClusterMessage.Events(this.channel.self(), events));
	}

	/**
	 * Publishes a message to the other nodes, after those published before it.
	 * @param message what to tell them
	 * @return whether it left for the broker: {@code false} while the broker is away
	 */
	boolean send(ClusterMessage message) {
		return this.channel.publish(ClusterMessage.DESTINATION, message);
	}

	private void received(ClusterMessage message) {
		if (message instanceof ClusterMessage.Tick tick) {
			List<DroneState> kept = this.states.published(tick.node(), tick.states());
			if (!kept.isEmpty()) {
				this.telemetry.offer(kept);
			}
		}
		else if (message instanceof ClusterMessage.Events events) {
			this.recentEvents.eventsOccurred(events.events());
			this.viewers.eventsOccurred(events.events());
		}
		else if (message instanceof ClusterMessage.Beat beat) {
			this.members.heard(beat);
		}
		else if (message instanceof ClusterMessage.Handover handover) {
			this.states.handedOver(handover);
		}
	}

}
