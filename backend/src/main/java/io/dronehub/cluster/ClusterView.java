package io.dronehub.cluster;

import java.util.List;

/**
 * The cluster as one node sees it, the body of {@code GET /api/cluster}.
 *
 * @param nodes every node heard from lately, in id order
 */
public record ClusterView(List<Node> nodes) {

	/**
	 * One node.
	 *
	 * @param id the node's id
	 * @param alive whether it was heard from within {@code hub.cluster.node-timeout} and
	 * has not said it is leaving
	 * @param drones the drones it simulates now; empty when it is not alive
	 */
	public record Node(String id, boolean alive, List<String> drones) {
	}

}
