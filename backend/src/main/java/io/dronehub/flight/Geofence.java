package io.dronehub.flight;

/**
 * The cylinder around home that drones may not leave. It slows a MOVE set-point so the
 * drone can stop before the fence and puts a drone that got past it back on the fence; it
 * says what happened and leaves the failsafe to the drone.
 */
final class Geofence {

	/** How far inside the fence a MOVE set-point brakes to. */
	private static final double MARGIN_METERS = 0.5;

	/** Within this of the margin, pushing outwards stops the drone. */
	private static final double STOP_METERS = 1.0;

	private static final double PUSHING_SPEED_MPS = 0.1;

	private final FlightProperties limits;

	Geofence(FlightProperties limits) {
		this.limits = limits;
	}

	/**
	 * Limits a MOVE set-point's velocity at a position: its outward and upward parts are
	 * slowed so the drone can brake before the fence, and pushing on within a metre of it
	 * is a {@link MoveLimit.PushingOut}.
	 */
	MoveLimit limitMove(Vector3 position, Vector3 setpoint) {
		FlightProperties.Geofence fence = this.limits.geofence();
		Vector3 limited = setpoint;
		double radius = position.horizontalLength();
		boolean pushingOut = false;
		if (radius > 1e-9) {
			Vector3 out = new Vector3(position.north() / radius, position.east() / radius, 0);
			double outward = setpoint.north() * out.north() + setpoint.east() * out.east();
			double room = fence.radius() - MARGIN_METERS - radius;
			double allowed = Math.sqrt(2 * this.limits.horizontalAcceleration() * Math.max(0, room));
			if (outward > allowed) {
				limited = setpoint.minus(out.scale(outward - allowed));
			}
			pushingOut = outward > PUSHING_SPEED_MPS && room < STOP_METERS;
		}
		double headroom = fence.maxAltitude() - MARGIN_METERS - position.up();
		limited = limited
			.withUp(Math.min(setpoint.up(), Math.sqrt(2 * this.limits.verticalAcceleration() * Math.max(0, headroom))));
		pushingOut |= setpoint.up() > PUSHING_SPEED_MPS && headroom < STOP_METERS;
		return pushingOut ? new MoveLimit.PushingOut() : new MoveLimit.Within(limited);
	}

	/**
	 * Checks that a drone is inside the cylinder, in any mode.
	 */
	Containment contain(Motion motion) {
		FlightProperties.Geofence fence = this.limits.geofence();
		Vector3 position = motion.position();
		Vector3 velocity = motion.velocity();
		double radius = position.horizontalLength();
		boolean breached = false;
		if (radius > fence.radius()) {
			position = position.scaleHorizontal(fence.radius() / radius);
			velocity = new Vector3(0, 0, velocity.up());
			breached = true;
		}
		if (position.up() > fence.maxAltitude()) {
			position = position.withUp(fence.maxAltitude());
			velocity = velocity.withUp(Math.min(0, velocity.up()));
			breached = true;
		}
		return breached ? new Containment.Breached(new Motion(position, velocity)) : new Containment.Inside();
	}

	/** What the fence makes of a MOVE set-point. */
	sealed interface MoveLimit {

		/**
		 * Fly this velocity: the set-point, slowed where it would not stop in time.
		 *
		 * @param velocity metres per second north, east and up
		 */
		record Within(Vector3 velocity) implements MoveLimit {
		}

		/** The pilot pushes against the fence: the drone should stop there. */
		record PushingOut() implements MoveLimit {
		}

	}

	/** Whether a drone was inside the cylinder. */
	sealed interface Containment {

		/** Inside: nothing changed. */
		record Inside() implements Containment {
		}

		/**
		 * Outside or above: put back on the fence, no longer moving outwards or up.
		 *
		 * @param motion where the drone is now and how fast it moves
		 */
		record Breached(Motion motion) implements Containment {
		}

	}

}
