package io.dronehub.flight;

import java.util.List;

/**
 * A mission that a drone accepted: its waypoints in the drone's local frame, and what it
 * does after the last.
 *
 * @param id the id the pilot gave it
 * @param items the waypoints as the pilot sent them, checked
 * @param waypoints the same, in the local frame, with their defaults filled in
 * @param finish what comes after the last waypoint
 */
record Mission(String id, List<MissionItem> items, List<Waypoint> waypoints, MissionFinish finish) {

	Mission {
		items = List.copyOf(items);
		waypoints = List.copyOf(waypoints);
	}

	/**
	 * One waypoint.
	 *
	 * @param point metres north, east and above home
	 * @param speed horizontal speed on the way there, m/s
	 * @param holdSeconds how long to hover there
	 */
	record Waypoint(Vector3 point, double speed, double holdSeconds) {
	}

}
