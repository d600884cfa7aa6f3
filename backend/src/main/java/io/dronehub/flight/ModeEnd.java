package io.dronehub.flight;

/**
 * What ended a drone's flight mode during a tick, as the {@link Autopilot} reports it;
 * the {@link Drone} decides what comes next.
 */
sealed interface ModeEnd {

	/**
	 * TAKEOFF or GOTO reached its target and settled there.
	 *
	 * @param target metres north, east and above home
	 */
	record Reached(Vector3 target) implements ModeEnd {
	}

	/**
	 * The MOVE set-point was not renewed in time.
	 *
	 * @param timeoutSeconds how long a set-point lasts ({@code move-timeout})
	 */
	record MoveLapsed(double timeoutSeconds) implements ModeEnd {
	}

	/**
	 * The drone stopped at the geofence: the pilot pushed against it under MOVE, or the
	 * drone got past it and was put back.
	 *
	 * @param position where it stopped, metres north, east and above home
	 */
	record AtFence(Vector3 position) implements ModeEnd {
	}

	/** LAND, or the last leg of a return to launch, reached the ground. */
	record TouchedDown() implements ModeEnd {
	}

}
