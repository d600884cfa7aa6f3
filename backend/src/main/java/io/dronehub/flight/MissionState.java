package io.dronehub.flight;

/**
 * Where a drone is with its mission.
 */
public enum MissionState {

	/** Uploaded, not started. */
	READY,
	/** Being flown: the drone is in {@link FlightMode#MISSION}. */
	ACTIVE,
	/**
	 * Interrupted at its current item: by PAUSE, by the pilot flying another mode, by a
	 * handover of control or by a failsafe. RESUME goes on from that item.
	 */
	PAUSED,
	/** Its last waypoint was reached and its finish action began. */
	FINISHED

}
