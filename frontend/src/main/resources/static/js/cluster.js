/**
 * The hub's nodes, from `GET /api/cluster` (`{"nodes":[{"id","alive","drones"}]}`): which node
 * simulates each drone, and how to say each node's state. A hub that is not a node of a
 * cluster lists itself alone, and then there is nothing to show. Pure: no DOM.
 */

/** Where the hub says which node simulates which drone. */
export const CLUSTER_URL = '/api/cluster';

/** Whether the hub has several nodes, so that which one simulates a drone is worth saying. */
export function isCluster(view) {
	return (view?.nodes?.length ?? 0) > 1;
}

/**
 * The node that simulates each drone now, for the live nodes of a cluster; empty for a hub of
 * one node.
 * @returns {Map<string, string>} drone id → node id
 */
export function dronesByNode(view) {
	const nodes = new Map();
	if (!isCluster(view)) {
		return nodes;
	}
	for (const node of view.nodes) {
		if (node.alive) {
			for (const droneId of node.drones) {
				nodes.set(droneId, node.id);
			}
		}
	}
	return nodes;
}

/** One node in words: `a — 3 drones: d1, d2, d4`, or `b — not answering`. */
export function describeNode(node) {
	if (!node.alive) {
		return `${node.id} — not answering`;
	}
	const count = node.drones.length;
	if (count === 0) {
		return `${node.id} — no drones`;
	}
	return `${node.id} — ${count} drone${count === 1 ? '' : 's'}: ${node.drones.join(', ')}`;
}
