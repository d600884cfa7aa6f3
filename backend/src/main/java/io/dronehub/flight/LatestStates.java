package io.dronehub.flight;

import java.util.List;

/**
 * Every drone's latest state, for readers on any thread such as the fleet snapshot and
 * the HTTP API: on one node the {@link SimulationLoop}'s latest tick, on a node of a
 * cluster also the latest states that the other nodes published.
 */
@FunctionalInterface
public interface LatestStates {

	/**
	 * The latest state of every drone known.
	 * @return one state per drone, in fleet order
	 */
	List<DroneState> latestStates();

}
