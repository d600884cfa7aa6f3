package io.dronehub.benchmark.export;

/**
 * A made-up flight shaped like one the hub records: a take-off to 10 m at 1.5 m/s, then
 * circles of 40 m radius at 5 m/s (GOTO), a landing, and a last state disarmed on the
 * ground; the battery falls from 100 to 20 %. Every field is rounded as the hub rounds
 * it, so exports have the hub's field lengths.
 *
 * @param states how many states, at least two
 * @param rateHz states per second
 * @param startMillis the first state's timestamp, epoch milliseconds
 */
record SyntheticFlight(int states, int rateHz, long startMillis) {

	static final double HOME_LAT = -22.9519;

	static final double HOME_LON = -43.2105;

	static final double ALTITUDE = 10;

	private static final double CLIMB_RATE = 1.5;

	private static final double RADIUS = 40;

	private static final double SPEED = 5;

	private static final double METERS_PER_DEGREE = Math.toRadians(1) * 6_371_000;

	SyntheticFlight {
		if (states < 2 || rateHz < 1) {
			throw new IllegalArgumentException("a flight has at least two states and a rate of 1 Hz or more");
		}
	}

	/**
	 * One of the flight's states.
	 * @param index from 0 to {@code states - 1}
	 * @return the state; its {@code seq} is {@code index + 1}
	 */
	State state(int index) {
		double period = 1.0 / this.rateHz;
		int climbTicks = climbTicks();
		int landingStart = this.states - 1 - climbTicks;
		double battery = round(100 - 80.0 * index / (this.states - 1), 1);
		long timestamp = this.startMillis + Math.round(index * period * 1000);
		// circles start once climbed and stop where the landing begins
		double circleSeconds = (Math.min(Math.max(index, climbTicks), landingStart) - climbTicks) * period;
		double angle = circleSeconds * SPEED / RADIUS;
		double north = RADIUS * Math.sin(angle);
		double east = RADIUS * (1 - Math.cos(angle));
		String mode;
		double alt;
		double up = 0;
		double speed = 0;
		if (index == this.states - 1) {
			mode = "DISARMED";
			alt = 0;
		}
		else if (index < climbTicks) {
			mode = "TAKEOFF";
			alt = ALTITUDE * index / climbTicks;
			up = CLIMB_RATE;
		}
		else if (index >= landingStart) {
			mode = "LAND";
			alt = ALTITUDE * (this.states - 1 - index) / (climbTicks + 1.0);
			up = -CLIMB_RATE;
		}
		else {
			mode = "GOTO";
			alt = ALTITUDE;
			speed = SPEED;
		}
		double velocityNorth = speed * Math.cos(angle);
		double velocityEast = speed * Math.sin(angle);
		double heading = (Math.toDegrees(angle) % 360 + 360) % 360;
		return new State(index + 1, timestamp, mode, index < this.states - 1,
				round(HOME_LAT + north / METERS_PER_DEGREE, 7),
				round(HOME_LON + east / (METERS_PER_DEGREE * Math.cos(Math.toRadians(HOME_LAT))), 7), round(alt, 2),
				round(velocityNorth, 2), round(velocityEast, 2), round(up, 2), round(speed, 2), round(heading, 1),
				battery, round(4 * (3.5 + 0.7 * battery / 100), 2));
	}

	/**
	 * How far the flight goes, up, round and down.
	 * @return metres
	 */
	double distanceMeters() {
		double circledSeconds = (this.states - 1 - 2 * climbTicks()) / (double) this.rateHz;
		return round(2 * ALTITUDE + circledSeconds * SPEED, 2);
	}

	/** How many states the take-off takes, and the landing too. */
	private int climbTicks() {
		return Math.min((int) Math.ceil(ALTITUDE / CLIMB_RATE * this.rateHz), (this.states - 1) / 2);
	}

	private static double round(double value, int decimals) {
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

	/**
	 * One telemetry state, the columns of the recorder's {@code flight_state} table.
	 *
	 * @param seq the drone's sequence number
	 * @param timestamp epoch milliseconds
	 * @param mode the flight mode's name
	 * @param armed whether armed
	 * @param lat degrees
	 * @param lon degrees
	 * @param alt metres above home
	 * @param velocityNorth m/s
	 * @param velocityEast m/s
	 * @param velocityUp m/s
	 * @param groundSpeed m/s
	 * @param heading degrees
	 * @param batteryPercent percent
	 * @param batteryVoltage volts
	 */
	record State(long seq, long timestamp, String mode, boolean armed, double lat, double lon, double alt,
			double velocityNorth, double velocityEast, double velocityUp, double groundSpeed, double heading,
			double batteryPercent, double batteryVoltage) {
	}

}
