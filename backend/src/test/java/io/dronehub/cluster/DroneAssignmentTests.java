package io.dronehub.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DroneAssignment}: one node per drone, the same on every node, spread
 * evenly, and a change of nodes moves only the drones it must.
 */
class DroneAssignmentTests {

	private static final List<String> DRONES = IntStream.rangeClosed(1, 300).mapToObj((i) -> "d" + i).toList();

	@Test
	void everyNodeComputesTheSameOwnerWhateverTheOrderItKnowsTheNodesIn() {
		for (String drone : DRONES) {
			assertThat(DroneAssignment.preferredNode(drone, List.of("a", "b", "c")))
				.isEqualTo(DroneAssignment.preferredNode(drone, List.of("c", "a", "b")))
				.isIn("a", "b", "c");
		}
	}

	@Test
	void dronesSpreadEvenlyOverTheNodes() {
		Map<String, Integer> counts = owners(List.of("a", "b", "c"));
		assertThat(counts).containsOnlyKeys("a", "b", "c");
		assertThat(counts.values()).allSatisfy((count) -> assertThat(count).isBetween(70, 130));
	}

	@Test
	void aNodeLeavingMovesOnlyItsDronesAndANodeJoiningTakesOnlyDronesItGets() {
		for (String drone : DRONES) {
			String withThree = DroneAssignment.preferredNode(drone, List.of("a", "b", "c"));
			String withTwo = DroneAssignment.preferredNode(drone, List.of("a", "b"));
			if (!"c".equals(withThree)) {
				assertThat(withTwo).as(drone).isEqualTo(withThree);
			}
		}
	}

	@Test
	void withNoNodeThereIsNoOwner() {
		assertThat(DroneAssignment.preferredNode("d1", List.of())).isNull();
	}

	private static Map<String, Integer> owners(List<String> nodes) {
		Map<String, Integer> counts = new HashMap<>();
		for (String drone : DRONES) {
			counts.merge(DroneAssignment.preferredNode(drone, nodes), 1, Integer::sum);
		}
		return counts;
	}

}
