package io.dronehub.cluster;

import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * Which node should simulate a drone, by rendezvous (highest random weight) hashing:
 * every node computes the same answer from the same set of live nodes, drones spread
 * evenly over them, and a node joining or leaving moves only the drones it gains or had.
 */
final class DroneAssignment {

	private DroneAssignment() {
	}

	/**
	 * The node that should simulate a drone.
	 * @param droneId the drone
	 * @param nodes the ids of the live nodes
	 * @return one of them, or {@code null} when there is none
	 */
	static @Nullable String preferredNode(String droneId, Collection<String> nodes) {
		String best = null;
		long bestWeight = Long.MIN_VALUE;
		for (String node : nodes) {
			long weight = weight(droneId, node);
			if (best == null || weight > bestWeight || (weight == bestWeight && node.compareTo(best) < 0)) {
				best = node;
				bestWeight = weight;
			}
		}
		return best;
	}

	/** A well-mixed 64-bit hash of the pair (the finaliser of MurmurHash3). */
	private static long weight(String droneId, String node) {
		long hash = droneId.hashCode() * 0x9E3779B97F4A7C15L ^ node.hashCode();
		hash ^= hash >>> 33;
		hash *= 0xFF51AFD7ED558CCDL;
		hash ^= hash >>> 33;
		hash *= 0xC4CEB9FE1A85EC53L;
		hash ^= hash >>> 33;
		return hash;
	}

}
