package io.dronehub.cluster;

import java.util.List;

import io.dronehub.flight.DroneState;
import io.dronehub.flight.FleetEvent;
import io.dronehub.flight.FleetListener;

/**
 * Everything that shows the fleet live to clients (STOMP's publisher, the Foxglove
 * bridge), to which a node hands the other nodes' states and events as it does its own.
 *
 * @param viewers each of them
 */
record LiveViewers(List<FleetListener> viewers) {

	LiveViewers {
		viewers = List.copyOf(viewers);
	}

	void statesComputed(List<DroneState> states) {
		this.viewers.forEach((viewer) -> viewer.statesComputed(states));
	}

	void eventsOccurred(List<FleetEvent> events) {
		this.viewers.forEach((viewer) -> viewer.eventsOccurred(events));
	}

}
