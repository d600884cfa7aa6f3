package io.dronehub.security;

import java.util.function.LongSupplier;

/**
 * A token bucket: up to {@code burst} events at once, then {@code ratePerSecond} on
 * average. Thread-safe.
 */
public final class TokenBucket {

	private final double ratePerNano;

	private final double burst;

	private final LongSupplier nanoTime;

	private double tokens;

	private long refilledAt;

	/**
	 * Creates a full bucket.
	 * @param ratePerSecond tokens added a second
	 * @param burst the most tokens it holds
	 * @param nanoTime the clock, {@link System#nanoTime()} outside tests
	 */
	public TokenBucket(double ratePerSecond, int burst, LongSupplier nanoTime) {
		this.ratePerNano = ratePerSecond / 1e9;
		this.burst = burst;
		this.nanoTime = nanoTime;
		this.tokens = burst;
		this.refilledAt = nanoTime.getAsLong();
	}

	/**
	 * Takes a token if one is left.
	 * @return {@code true} if the event may go ahead
	 */
	public boolean tryTake() {
		return take() == 0;
	}

	/**
	 * Takes a token if one is left, or says how long until one is.
	 * @return 0 if the event may go ahead, otherwise the nanoseconds until it may
	 */
	public synchronized long take() {
		long now = this.nanoTime.getAsLong();
		this.tokens = Math.min(this.burst, this.tokens + (now - this.refilledAt) * this.ratePerNano);
		this.refilledAt = now;
		if (this.tokens < 1) {
			return Math.max(1, (long) Math.ceil((1 - this.tokens) / this.ratePerNano));
		}
		this.tokens -= 1;
		return 0;
	}

}
