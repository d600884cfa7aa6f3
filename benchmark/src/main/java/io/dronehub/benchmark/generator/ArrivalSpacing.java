package io.dronehub.benchmark.generator;

import org.HdrHistogram.Histogram;

/**
 * How evenly a group of rate-limited subscriptions received each drone's states: for
 * every state after a subscriber's first of that drone, how far its arrival came from the
 * period the subscription asked for, and how many ticks it advanced; and how often a
 * frame's {@code skipped} header claimed more than its gap in {@code seq} (a gap that the
 * header does not explain is a lost state, counted with the deliveries). Counts only
 * while measuring; owned by the event-loop thread.
 */
final class ArrivalSpacing {

	private final Histogram jitterMillis = new Histogram(3_600_000L, 3);

	private final long periodMillis;

	private boolean measuring;

	private long minTicks = Long.MAX_VALUE;

	private long maxTicks = Long.MIN_VALUE;

	private long overstatedSkips;

	/**
	 * Creates the group's spacing figures.
	 * @param periodMillis the period the subscriptions asked for: 1000 over their
	 * {@code rate-hz}
	 */
	ArrivalSpacing(long periodMillis) {
		this.periodMillis = periodMillis;
	}

	void measuring(boolean measuring) {
		this.measuring = measuring;
	}

	/**
	 * Records one arrival that follows an earlier one of the same drone.
	 * @param intervalMillis the time since that earlier arrival
	 * @param ticks how far {@code seq} advanced since it
	 */
	void interval(long intervalMillis, long ticks) {
		if (!this.measuring) {
			return;
		}
		this.jitterMillis.recordValue(Math.min(Math.abs(intervalMillis - this.periodMillis), 3_600_000L));
		this.minTicks = Math.min(this.minTicks, ticks);
		this.maxTicks = Math.max(this.maxTicks, ticks);
	}

	/**
	 * Records how a frame's {@code skipped} header compares with the states missing
	 * before it.
	 * @param missing the states of the drone not received since the previous one
	 * @param skipped what the frame's {@code skipped} header says the rate left out
	 */
	void skipped(long missing, long skipped) {
		if (!this.measuring) {
			return;
		}
		if (missing < skipped) {
			this.overstatedSkips++;
		}
	}

	Histogram jitterMillis() {
		return this.jitterMillis;
	}

	/** The fewest ticks between two arrivals of a drone, or -1 before any. */
	long minTicks() {
		return (this.minTicks == Long.MAX_VALUE) ? -1 : this.minTicks;
	}

	/** The most ticks between two arrivals of a drone, or -1 before any. */
	long maxTicks() {
		return (this.maxTicks == Long.MIN_VALUE) ? -1 : this.maxTicks;
	}

	/** Frames whose {@code skipped} header claimed more than their gap in {@code seq}. */
	long overstatedSkips() {
		return this.overstatedSkips;
	}

}
