package io.dronehub.benchmark.generator;

/**
 * Tags the pilot's MOVE commands with distinct yaw rates so that a telemetry frame tells
 * which command it reflects: at a given tick rate each rate turns the heading by a
 * distinct step per tick (at least 0.5° apart, so the hub's 0.1° heading rounding cannot
 * blur them), cycling through ±step … ±60°/s.
 *
 * @param stepDegreesPerSecond the spacing between the rates
 * @param count how many positive rates (the same number of negative ones follow)
 * @param rateHz the simulator's tick rate
 */
record YawCode(double stepDegreesPerSecond, int count, int rateHz) {

	private static final double MAX_YAW_RATE = 60;

	private static final double MIN_STEP_DEGREES_PER_TICK = 0.5;

	/**
	 * The code for a tick rate.
	 * @param rateHz ticks per second
	 * @return the code
	 */
	static YawCode forRate(int rateHz) {
		double step = Math.max(5, Math.ceil(MIN_STEP_DEGREES_PER_TICK * rateHz));
		return new YawCode(step, Math.max(1, (int) (MAX_YAW_RATE / step)), rateHz);
	}

	/**
	 * The yaw rate of the n-th command.
	 * @param n the command's index
	 * @return degrees per second, never 0
	 */
	double rate(long n) {
		int slot = (int) (n % (2L * this.count));
		return (slot < this.count) ? (slot + 1) * this.stepDegreesPerSecond
				: -(slot - this.count + 1) * this.stepDegreesPerSecond;
	}

	/**
	 * The yaw rate that turned the heading between two consecutive states.
	 * @param previousHeading the earlier heading, degrees
	 * @param heading the later heading, degrees
	 * @return degrees per second
	 */
	double observedRate(double previousHeading, double heading) {
		double delta = heading - previousHeading;
		delta -= 360 * Math.rint(delta / 360);
		return delta * this.rateHz;
	}

	/**
	 * Whether an observed rate is the given commanded one.
	 * @param commanded what a command asked for
	 * @param observed what the states show
	 * @return {@code true} within a quarter of a step
	 */
	boolean matches(double commanded, double observed) {
		return Math.abs(commanded - observed) <= this.stepDegreesPerSecond / 4;
	}

}
