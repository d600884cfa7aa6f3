package io.dronehub.cluster;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.dronehub.command.Command;
import io.dronehub.command.CommandReply;
import io.dronehub.command.ControlRequest;
import io.dronehub.command.MissionRequest;
import io.dronehub.command.PilotRequest;
import io.dronehub.control.ControlPrompt;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.FleetEvent;
import org.jspecify.annotations.Nullable;

/**
 * What one node tells the others: its ticks, events and beats on {@link #DESTINATION},
 * pilots' requests, their replies and the prompts they cause on {@link #REQUESTS}. Every
 * node publishes and subscribes to both, so that the messages of a node reach every other
 * node in the order that node sent them: a drone's last states before the beat that hands
 * it over, for instance.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = ClusterMessage.Tick.class, name = "TICK"),
		@JsonSubTypes.Type(value = ClusterMessage.Events.class, name = "EVENTS"),
		@JsonSubTypes.Type(value = ClusterMessage.Beat.class, name = "BEAT"),
		@JsonSubTypes.Type(value = ClusterMessage.Handover.class, name = "HANDOVER"),
		@JsonSubTypes.Type(value = ClusterMessage.Request.class, name = "REQUEST"),
		@JsonSubTypes.Type(value = ClusterMessage.Reply.class, name = "REPLY"),
		@JsonSubTypes.Type(value = ClusterMessage.SessionClosed.class, name = "SESSION_CLOSED"),
		@JsonSubTypes.Type(value = ClusterMessage.Prompt.class, name = "PROMPT") })
sealed interface ClusterMessage {

	/** The broker destination of every node's ticks, events, beats and handovers. */
	String DESTINATION = "/topic/hub.cluster";

	/**
	 * The broker destination of pilots' requests, their replies, prompts and closed
	 * sessions.
	 */
	String REQUESTS = "/topic/hub.requests";

	/** The node that sent the message. */
	String node();

	/**
	 * The states of the drones a node simulated in one tick.
	 *
	 * @param node the sender
	 * @param states one state per drone it simulates, in fleet order
	 */
	record Tick(String node, List<DroneState> states) implements ClusterMessage {
	}

	/**
	 * Events that happened on a node, in order.
	 *
	 * @param node the sender
	 * @param events the events
	 */
	record Events(String node, List<FleetEvent> events) implements ClusterMessage {
	}

	/**
	 * A node's announcement that it is alive, and which drones it simulates.
	 *
	 * @param node the sender
	 * @param drones the drones it simulates now
	 * @param leaving whether it is stopping: its drones are free to take at once
	 */
	record Beat(String node, List<String> drones, boolean leaving) implements ClusterMessage {
	}

	/**
	 * A drone that a node stopped simulating, for the node that takes it over: where it
	 * is, and who controls it.
	 *
	 * @param node the node that simulated it
	 * @param state its state when that node stopped, with the {@code seq} of its last
	 * tick there
	 * @param pilot the name of the pilot in control, or {@code null} if nobody was
	 * @param sessionId that pilot's session, named for the cluster, or {@code null}
	 */
	record Handover(String node, DroneState state, @Nullable String pilot,
			@Nullable String sessionId) implements ClusterMessage {
	}

	/**
	 * A pilot's request for a drone that node {@code to} simulates.
	 *
	 * @param node the node the pilot is connected to
	 * @param to the node that simulates the drone
	 * @param requestId the sending node's id for the request, echoed in the reply
	 * @param command the command, or {@code null} for another request
	 * @param control the control request, or {@code null} for another request
	 * @param mission the mission request, or {@code null} for another request
	 * @param pilot the pilot's name
	 * @param sessionId the pilot's session, prefixed with its node's id
	 * @param admin whether the pilot has the ADMIN role
	 */
	record Request(String node, String to, String requestId, @Nullable Command command,
			@Nullable ControlRequest control, @Nullable MissionRequest mission, String pilot, String sessionId,
			boolean admin) implements ClusterMessage {

		PilotRequest request() {
			if (this.command != null) {
				return this.command;
			}
			return (this.mission != null) ? this.mission : Objects.requireNonNull(this.control);
		}

	}

	/**
	 * What node {@code node} decided about a {@link Request}.
	 *
	 * @param node the node that decided
	 * @param to the node the pilot is connected to
	 * @param requestId the request's id
	 * @param reply the reply for the pilot
	 */
	record Reply(String node, String to, String requestId, CommandReply reply) implements ClusterMessage {
	}

	/**
	 * A session closed on a node: wherever its pilot controls a drone, the drone's
	 * link-loss rules start.
	 *
	 * @param node the node the session was connected to
	 * @param sessionId the session, prefixed with its node's id
	 */
	record SessionClosed(String node, String sessionId) implements ClusterMessage {
	}

	/**
	 * A request for control, for the pilot in control of a drone that node {@code node}
	 * simulates, whose session is connected to node {@code to}.
	 *
	 * @param node the node that simulates the drone
	 * @param to the node the pilot in control is connected to
	 * @param pilot the name of the pilot in control
	 * @param sessionId that pilot's session, as node {@code to} knows it
	 * @param prompt what the pilot is asked
	 */
	record Prompt(String node, String to, String pilot, String sessionId,
			ControlPrompt prompt) implements ClusterMessage {
	}

}
