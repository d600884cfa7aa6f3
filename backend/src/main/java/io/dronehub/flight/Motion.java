package io.dronehub.flight;

/**
 * Where a drone is and how fast it moves, advanced one tick at a time within the flight
 * limits.
 *
 * @param position metres north, east and above home
 * @param velocity metres per second north, east and up
 */
record Motion(Vector3 position, Vector3 velocity) {

	static final Motion AT_REST_AT_HOME = new Motion(Vector3.ZERO, Vector3.ZERO);

	/**
	 * The motion after accelerating towards a velocity for {@code dtSeconds}: the
	 * horizontal and vertical changes are limited by the accelerations, then the result
	 * by the top speed and the climb and descent rates. The position does not change.
	 */
	Motion accelerateTowards(Vector3 desiredVelocity, FlightProperties limits, double dtSeconds) {
		Vector3 change = desiredVelocity.minus(this.velocity);
		double horizontalChange = change.horizontalLength();
		double maxHorizontalChange = limits.horizontalAcceleration() * dtSeconds;
		double scale = (horizontalChange > maxHorizontalChange) ? maxHorizontalChange / horizontalChange : 1;
		double maxVerticalChange = limits.verticalAcceleration() * dtSeconds;
		Vector3 accelerated = this.velocity.plus(new Vector3(change.north() * scale, change.east() * scale,
				clamp(change.up(), -maxVerticalChange, maxVerticalChange)));
		double speed = accelerated.horizontalLength();
		if (speed > limits.maxHorizontalSpeed()) {
			accelerated = accelerated.scaleHorizontal(limits.maxHorizontalSpeed() / speed);
		}
		return new Motion(this.position,
				accelerated.withUp(clamp(accelerated.up(), -limits.maxDescentRate(), limits.maxClimbRate())));
	}

	/**
	 * The motion after flying at the current velocity for {@code dtSeconds}.
	 */
	Motion advance(double dtSeconds) {
		return new Motion(this.position.plus(this.velocity.scale(dtSeconds)), this.velocity);
	}

	/**
	 * This motion with the drone no lower than the ground and not moving down.
	 */
	Motion onGround() {
		return new Motion(this.position.withUp(0), this.velocity.withUp(Math.max(0, this.velocity.up())));
	}

	Motion stopped() {
		return new Motion(this.position, Vector3.ZERO);
	}

	/**
	 * Horizontal speed in metres per second.
	 */
	double groundSpeed() {
		return this.velocity.horizontalLength();
	}

	/**
	 * Whether both the ground speed and the vertical speed are below a speed.
	 */
	boolean slowerThan(double speedMps) {
		return groundSpeed() < speedMps && Math.abs(this.velocity.up()) < speedMps;
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

}
