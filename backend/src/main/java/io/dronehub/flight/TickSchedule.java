package io.dronehub.flight;

/**
 * Decides, for each run of a fixed-rate schedule, whether to tick: a run that starts a
 * whole tick period or more after it was due is skipped. A simulation thread that was
 * held up (a collector pause, a starved core) then resumes at its rate instead of running
 * the missed ticks back to back and sending clients a burst of states above the rate they
 * were promised. Used by the one thread that runs the schedule.
 */
final class TickSchedule {

	private final long periodNanos;

	private long dueNanos;

	/**
	 * Creates a schedule.
	 * @param firstDueNanos when the first run is due, on the {@link System#nanoTime()}
	 * scale
	 * @param periodNanos the tick period
	 */
	TickSchedule(long firstDueNanos, long periodNanos) {
		this.dueNanos = firstDueNanos;
		this.periodNanos = periodNanos;
	}

	/**
	 * Called once per run of the schedule, in order.
	 * @param nowNanos when this run started
	 * @return {@code true} to tick, {@code false} to skip a run that is a period or more
	 * late
	 */
	boolean onTime(long nowNanos) {
		long due = this.dueNanos;
		this.dueNanos += this.periodNanos;
		return nowNanos - due < this.periodNanos;
	}

}
