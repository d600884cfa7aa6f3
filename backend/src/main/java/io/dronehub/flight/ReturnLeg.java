package io.dronehub.flight;

/**
 * The leg of a return to launch a drone is flying: it climbs to the return altitude,
 * cruises home at that altitude or higher, then descends onto home.
 */
sealed interface ReturnLeg {

	/** Climbing where the drone is to the return altitude. */
	record Climb() implements ReturnLeg {
	}

	/**
	 * Flying home at a constant altitude.
	 *
	 * @param altitudeMeters the altitude above home to cruise at
	 */
	record Cruise(double altitudeMeters) implements ReturnLeg {

		/** The point above home the drone flies to. */
		Vector3 aboveHome() {
			return new Vector3(0, 0, this.altitudeMeters);
		}

	}

	/** Descending onto home. */
	record Descend() implements ReturnLeg {
	}

}
