package io.dronehub.flight;

/**
 * What a drone does after the last waypoint of its mission.
 */
public enum MissionFinish {

	/** Hover at the last waypoint. */
	HOLD,
	/** Return to launch and land there. */
	RTL,
	/** Land at the last waypoint. */
	LAND

}
