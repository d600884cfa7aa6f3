package io.dronehub.flight;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A drone's uploaded mission as the pilot sent it, for maps that draw its route.
 *
 * @param missionId the pilot's id for it
 * @param items the waypoints, in order
 * @param finish what the drone does after the last
 * @param progress where the drone is with it
 */
@JsonClassDescription("A drone's uploaded mission: its waypoints as uploaded, and where the drone is with it.")
public record MissionPlan(@JsonPropertyDescription("the id the pilot gave the mission") String missionId,
		@JsonPropertyDescription("the waypoints, in order") List<MissionItem> items,
		@JsonPropertyDescription("what the drone does after the last waypoint") MissionFinish finish,
		@JsonPropertyDescription("where the drone is with it, as telemetry's mission") MissionStatus progress) {

	public MissionPlan {
		items = List.copyOf(items);
	}

}
