package io.dronehub.cluster;

import java.util.List;

import io.dronehub.flight.DroneState;
import io.dronehub.flight.LatestStates;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cluster as this node sees it, over HTTP: every node and the drones each simulates.
 * A hub that is not a node of a cluster answers with itself alone, as node
 * {@code hub.cluster.node-id} (or {@code local}) simulating every drone.
 */
@RestController
@RequestMapping("/api/cluster")
class ClusterController {

	private final ObjectProvider<ClusterMembers> members;

	private final LatestStates states;

	private final String standaloneId;

	ClusterController(ObjectProvider<ClusterMembers> members, LatestStates states, ClusterProperties settings) {
		this.members = members;
		this.states = states;
		this.standaloneId = (settings.nodeId() != null) ? settings.nodeId() : "local";
	}

	@GetMapping
	ClusterView cluster() {
		ClusterMembers cluster = this.members.getIfAvailable();
		if (cluster != null) {
			return new ClusterView(cluster.nodes());
		}
		List<String> drones = this.states.latestStates().stream().map(DroneState::droneId).toList();
		return new ClusterView(List.of(new ClusterView.Node(this.standaloneId, true, drones)));
	}

}
