package io.dronehub.security;

/**
 * A wait as clients are told it ({@code Retry-After}, "retry in N s"): whole seconds,
 * rounded up, at least one.
 */
final class RetryAfter {

	private RetryAfter() {
	}

	static long seconds(long waitNanos) {
		return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
	}

}
