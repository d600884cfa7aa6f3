package io.dronehub.browser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until a test moves it, so that telemetry timestamps advance
 * with the simulated ticks (one tick period per tick) and charts and trails look as they
 * would in real time. Safe to read from any thread.
 */
final class SteppingClock extends Clock {

	private volatile Instant now;

	SteppingClock(Instant start) {
		this.now = start;
	}

	void advance(Duration duration) {
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
