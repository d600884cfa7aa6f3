package io.dronehub.flight;

/**
 * Why the hub took control of a drone away from its pilot's last command.
 */
public enum Failsafe {

	/**
	 * The battery fell below the low threshold (return to launch) or ran empty (land).
	 */
	LOW_BATTERY,
	/**
	 * The controlling pilot disconnected: hold, then return to launch after a timeout.
	 */
	LINK_LOST,
	/** The drone reached the geofence and stopped there. */
	GEOFENCE

}
