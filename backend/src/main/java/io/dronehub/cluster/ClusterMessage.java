package io.dronehub.cluster;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.FleetEvent;

/**
 * What one node tells the others on {@link #DESTINATION}. Every node publishes and
 * subscribes to that one destination, so that the messages of a node reach every other
 * node in the order that node sent them: a drone's last states before the beat that hands
 * it over, for instance.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = ClusterMessage.Tick.class, name = "TICK"),
		@JsonSubTypes.Type(value = ClusterMessage.Events.class, name = "EVENTS"),
		@JsonSubTypes.Type(value = ClusterMessage.Beat.class, name = "BEAT") })
sealed interface ClusterMessage {

	/** The broker destination of every node's messages. */
	String DESTINATION = "/topic/hub.cluster";

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

}
