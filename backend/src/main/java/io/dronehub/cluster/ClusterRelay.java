package io.dronehub.cluster;

import java.util.List;

import io.dronehub.flight.DroneState;
import io.dronehub.flight.FleetEvent;
import io.dronehub.flight.FleetListener;
import io.dronehub.telemetry.RecentEvents;
import io.dronehub.telemetry.TelemetryPublisher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries telemetry and events between the nodes of a cluster, once per node rather than
 * once per spectator: it publishes each tick of this node's drones and its events to the
 * broker, and hands what the other nodes publish to this node's own fan-out, events topic
 * and recent events, and their beats to the {@link ClusterMembers}. The latest tick of
 * this node's drones goes to the {@link ClusterStates} too.
 * <p>
 * Its {@link FleetListener} side runs on the simulation thread; what arrives runs on the
 * broker link's I/O thread.
 */
final class ClusterRelay implements FleetListener {

	private static final Log logger = LogFactory.getLog(ClusterRelay.class);

	private final ClusterNode node;

	private final BrokerLink link;

	private final JsonMapper json;

	private final ClusterStates states;

	private final ClusterMembers members;

	private final TelemetryPublisher publisher;

	private final RecentEvents recentEvents;

	ClusterRelay(ClusterNode node, BrokerLink link, JsonMapper json, ClusterStates states, ClusterMembers members,
			TelemetryPublisher publisher, RecentEvents recentEvents) {
		this.node = node;
		this.link = link;
		this.json = json;
		this.states = states;
		this.members = members;
		this.publisher = publisher;
		this.recentEvents = recentEvents;
		link.subscribe(ClusterMessage.DESTINATION, this::received);
	}

	@Override
	public void statesComputed(List<DroneState> states) {
		this.states.simulated(states);
		if (!states.isEmpty()) {
			send(new ClusterMessage.Tick(this.node.id(), states));
		}
	}

	@Override
	public void eventsOccurred(List<FleetEvent> events) {
		send(new ClusterMessage.Events(this.node.id(), events));
	}

	/**
	 * Publishes a message to the other nodes, after those published before it.
	 * @param message what to tell them
	 */
	void send(ClusterMessage message) {
		this.link.publish(ClusterMessage.DESTINATION, this.json.writeValueAsBytes(message));
	}

	private void received(byte[] body) {
		ClusterMessage message;
		try {
			message = this.json.readValue(body, ClusterMessage.class);
		}
		catch (JacksonException ex) {
			logger.warn("Ignored a message on " + ClusterMessage.DESTINATION + " that is not a node's: "
					+ ex.getOriginalMessage());
			return;
		}
		if (message.node().equals(this.node.id())) {
			return;
		}
		if (message instanceof ClusterMessage.Tick tick) {
			List<DroneState> kept = this.states.published(tick.node(), tick.states());
			if (!kept.isEmpty()) {
				this.publisher.statesComputed(kept);
			}
		}
		else if (message instanceof ClusterMessage.Events events) {
			this.recentEvents.eventsOccurred(events.events());
			this.publisher.eventsOccurred(events.events());
		}
		else if (message instanceof ClusterMessage.Beat beat) {
			this.members.heard(beat);
		}
	}

}
