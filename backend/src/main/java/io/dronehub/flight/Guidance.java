package io.dronehub.flight;

/**
 * Where a drone should fly and how fast: the velocity that takes it to a target and
 * brakes in time to stop there, the legs of a return to launch, and the pilot's MOVE and
 * NUDGE in the drone's own frame turned into the local frame. Stateless: every answer
 * depends only on its arguments and the flight limits.
 */
final class Guidance {

	private static final double ARRIVAL_HORIZONTAL_METERS = 0.3;

	private static final double ARRIVAL_VERTICAL_METERS = 0.1;

	/**
	 * How close to its altitude a take-off counts as complete: PX4's
	 * {@code NAV_MC_ALT_RAD}, 0.8 m by default; the drone then holds at the altitude.
	 */
	static final double TAKEOFF_ACCEPTANCE_METERS = 0.8;

	/**
	 * How close to a mission's waypoint it counts as reached, horizontally: ArduCopter's
	 * {@code WPNAV_RADIUS}, 2 m by default.
	 */
	static final double WAYPOINT_ACCEPTANCE_METERS = 2.0;

	private static final double SETTLED_SPEED_MPS = 0.3;

	private static final double AT_REST_SPEED_MPS = 0.1;

	private static final double POSITION_GAIN = 1.0;

	private static final double HOME_REACHED_METERS = 1.0;

	private static final double FAST_DESCENT_ABOVE_METERS = 10;

	private final FlightProperties limits;

	Guidance(FlightProperties limits) {
		this.limits = limits;
	}

	/**
	 * A velocity towards a target at up to the cruise speed that brakes in time to stop
	 * on it: the speed is limited by {@code sqrt(2·a·distance)} and, close in, by a
	 * proportional gain.
	 */
	Vector3 towards(Vector3 position, Vector3 target, double maxClimbRateMps) {
		return towards(position, target, maxClimbRateMps, this.limits.cruiseSpeed());
	}

	/**
	 * A velocity towards a target at up to a horizontal speed that brakes in time to stop
	 * on it, as {@link #towards(Vector3, Vector3, double)}.
	 */
	Vector3 towards(Vector3 position, Vector3 target, double maxClimbRateMps, double maxSpeedMps) {
		Vector3 offset = target.minus(position);
		double distance = offset.horizontalLength();
		double speed = Math.min(maxSpeedMps,
				Math.min(Math.sqrt(2 * this.limits.horizontalAcceleration() * distance), POSITION_GAIN * distance));
		double dUp = offset.up();
		double verticalLimit = (dUp > 0) ? maxClimbRateMps : this.limits.maxDescentRate();
		double climb = Math.signum(dUp) * Math.min(verticalLimit, Math
			.min(Math.sqrt(2 * this.limits.verticalAcceleration() * Math.abs(dUp)), POSITION_GAIN * Math.abs(dUp)));
		return (distance < 1e-9) ? new Vector3(0, 0, climb)
				: new Vector3(offset.north() / distance * speed, offset.east() / distance * speed, climb);
	}

	/**
	 * A velocity that holds over a spot while descending onto it: fast high up, at the
	 * landing rate in the last metres.
	 */
	Vector3 descentTowards(Vector3 position, Vector3 spot) {
		return towards(position, spot.withUp(position.up()), this.limits.maxClimbRate())
			.withUp(-((position.up() > FAST_DESCENT_ABOVE_METERS) ? this.limits.maxDescentRate()
					: this.limits.landingDescentRate()));
	}

	/**
	 * Whether the drone has reached a target and settled there.
	 */
	boolean arrived(Motion motion, Vector3 target) {
		Vector3 offset = target.minus(motion.position());
		return offset.horizontalLength() < ARRIVAL_HORIZONTAL_METERS && Math.abs(offset.up()) < ARRIVAL_VERTICAL_METERS
				&& motion.slowerThan(SETTLED_SPEED_MPS);
	}

	/**
	 * Whether a take-off has climbed to within {@link #TAKEOFF_ACCEPTANCE_METERS} of its
	 * target altitude.
	 */
	boolean reachedAltitude(Motion motion, Vector3 target) {
		return Math.abs(target.up() - motion.position().up()) < TAKEOFF_ACCEPTANCE_METERS;
	}

	/**
	 * Whether a mission's waypoint counts as reached: within
	 * {@link #WAYPOINT_ACCEPTANCE_METERS} of it horizontally and
	 * {@link #TAKEOFF_ACCEPTANCE_METERS} vertically, without having to settle there.
	 */
	boolean reachedWaypoint(Motion motion, Vector3 waypoint) {
		Vector3 offset = waypoint.minus(motion.position());
		return offset.horizontalLength() < WAYPOINT_ACCEPTANCE_METERS
				&& Math.abs(offset.up()) < TAKEOFF_ACCEPTANCE_METERS;
	}

	/**
	 * Whether a braking drone has come to rest, so it can hold where it is.
	 */
	boolean atRest(Motion motion) {
		return motion.slowerThan(AT_REST_SPEED_MPS);
	}

	/**
	 * The heading after turning towards a target for {@code dtSeconds} at up to the yaw
	 * rate; unchanged within a metre of it.
	 */
	double turnedTowards(double headingDegrees, Vector3 position, Vector3 target, double dtSeconds) {
		Vector3 offset = target.minus(position);
		if (offset.horizontalLength() < HOME_REACHED_METERS) {
			return headingDegrees;
		}
		double bearing = Math.toDegrees(Math.atan2(offset.east(), offset.north()));
		double error = normalizeDegrees(bearing - headingDegrees + 180) - 180;
		double maxTurn = this.limits.maxYawRate() * dtSeconds;
		return normalizeDegrees(headingDegrees + clamp(error, -maxTurn, maxTurn));
	}

	/**
	 * The leg a return to launch flies now: the climb ends at the return altitude, the
	 * cruise when the drone is over home and slow. Both may end in the same tick.
	 */
	ReturnLeg returnLeg(ReturnLeg leg, Motion motion) {
		ReturnLeg now = leg;
		double altitude = motion.position().up();
		if (now instanceof ReturnLeg.Climb && altitude >= this.limits.returnAltitude() - ARRIVAL_VERTICAL_METERS) {
			now = new ReturnLeg.Cruise(Math.max(altitude, this.limits.returnAltitude()));
		}
		if (now instanceof ReturnLeg.Cruise && motion.position().horizontalLength() <= HOME_REACHED_METERS
				&& motion.groundSpeed() <= SETTLED_SPEED_MPS) {
			now = new ReturnLeg.Descend();
		}
		return now;
	}

	/**
	 * The velocity on a leg of a return to launch.
	 */
	Vector3 returnVelocity(ReturnLeg leg, Vector3 position) {
		if (leg instanceof ReturnLeg.Climb) {
			return towards(position, position.withUp(this.limits.returnAltitude()), this.limits.maxClimbRate());
		}
		if (leg instanceof ReturnLeg.Cruise cruise) {
			return towards(position, cruise.aboveHome(), this.limits.maxClimbRate());
		}
		return descentTowards(position, Vector3.ZERO);
	}

	/**
	 * A pilot's MOVE within the limits: the horizontal speed scaled down to the top
	 * speed, the climb and yaw rates clamped.
	 */
	MoveSetpoint limit(MoveSetpoint move) {
		double horizontal = Math.hypot(move.forward(), move.right());
		double scale = (horizontal > this.limits.maxHorizontalSpeed()) ? this.limits.maxHorizontalSpeed() / horizontal
				: 1;
		return new MoveSetpoint(move.forward() * scale, move.right() * scale,
				clamp(move.up(), -this.limits.maxDescentRate(), this.limits.maxClimbRate()),
				clamp(move.yawRate(), -this.limits.maxYawRate(), this.limits.maxYawRate()));
	}

	/**
	 * The velocity a MOVE set-point asks for, in the local frame.
	 */
	Vector3 manualVelocity(MoveSetpoint move, double headingDegrees) {
		return inLocalFrame(move.forward(), move.right(), move.up(), headingDegrees);
	}

	/**
	 * The heading after yawing at a MOVE set-point's rate for {@code dtSeconds}.
	 */
	double manualHeading(MoveSetpoint move, double headingDegrees, double dtSeconds) {
		return normalizeDegrees(headingDegrees + move.yawRate() * dtSeconds);
	}

	/**
	 * How far a NUDGE moves the target, in the local frame.
	 */
	Vector3 hop(Direction direction, double distanceMeters, double headingDegrees) {
		return switch (direction) {
			case UP -> new Vector3(0, 0, distanceMeters);
			case DOWN -> new Vector3(0, 0, -distanceMeters);
			case FORWARD -> inLocalFrame(distanceMeters, 0, 0, headingDegrees);
			case BACK -> inLocalFrame(-distanceMeters, 0, 0, headingDegrees);
			case RIGHT -> inLocalFrame(0, distanceMeters, 0, headingDegrees);
			case LEFT -> inLocalFrame(0, -distanceMeters, 0, headingDegrees);
		};
	}

	private static Vector3 inLocalFrame(double forward, double right, double up, double headingDegrees) {
		double rad = Math.toRadians(headingDegrees);
		double cos = Math.cos(rad);
		double sin = Math.sin(rad);
		return new Vector3(forward * cos - right * sin, forward * sin + right * cos, up);
	}

	private static double normalizeDegrees(double degrees) {
		double normalized = degrees % 360;
		return (normalized < 0) ? normalized + 360 : normalized;
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

}
