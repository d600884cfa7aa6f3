package io.dronehub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until a test moves it: telemetry timestamps that advance with
 * the simulated ticks, or time-based rules checked at exact instants. Safe to read from
 * any thread.
 */
public final class SteppingClock extends Clock {

	private volatile Instant now;

	/**
	 * A clock standing at a time.
	 * @param start where it stands until moved
	 */
	public SteppingClock(Instant start) {
		this.now = start;
	}

	/**
	 * Moves the clock on.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
