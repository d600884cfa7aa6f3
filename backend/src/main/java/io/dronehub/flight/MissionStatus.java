package io.dronehub.flight;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A drone's mission as its telemetry shows it, as MAVSDK's mission progress does: the
 * item it flies to, out of how many.
 *
 * @param missionId the id the pilot gave the mission
 * @param current the index of the item being flown to or hovered at, from 0; equal to
 * {@code total} once finished
 * @param total how many items the mission has
 * @param state where the drone is with it
 */
@JsonClassDescription("The drone's mission: sent while one is uploaded, left out otherwise.")
public record MissionStatus(@JsonPropertyDescription("the id the pilot gave the mission") String missionId,
		@JsonPropertyDescription("the index in items of the waypoint being flown to or hovered at, from 0; equal to "
				+ "total once the mission is finished") int current,
		@JsonPropertyDescription("how many items the mission has") int total,
		@JsonPropertyDescription("READY (uploaded), ACTIVE (being flown), PAUSED (RESUME goes on from current) or "
				+ "FINISHED") MissionState state) {
}
