package io.dronehub.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Slows down password guessing: after a few failed logins, the next password of the same
 * user from the same address is not even checked until a delay has passed, and the delay
 * doubles with each further failure. Two wider keys catch guessing spread out: one user's
 * failures from every address, and one address's failures for every user; neither holds
 * back a user from an address that user has logged in from, so that someone guessing a
 * password, elsewhere or behind the same NAT, does not lock its owner out. A key is
 * forgotten after a quiet spell or, for a user and address, the first good login. Counts
 * every outcome in {@code hub.security.logins} and logs one WARN line when a key starts
 * to be throttled. Thread-safe; at most {@link #MAX_KEYS} keys are kept, the least
 * recently used dropped first.
 */
final class LoginThrottle {

	private static final Log logger = LogFactory.getLog(LoginThrottle.class);

	static final int MAX_KEYS = 100_000;

	private final SecurityProperties.Logins settings;

	private final Clock clock;

	private final Map<Key, Backoff> failures = LeastRecentlyUsed.map(MAX_KEYS);

	private final Map<Key, Boolean> known = LeastRecentlyUsed.map(MAX_KEYS);

	private final Counter succeeded;

	private final Counter failed;

	private final Counter throttled;

	LoginThrottle(SecurityProperties.Logins settings, Clock clock, MeterRegistry meters) {
		this.settings = settings;
		this.clock = clock;
		this.succeeded = counter(meters, "success");
		this.failed = counter(meters, "failure");
		this.throttled = counter(meters, "throttled");
	}

	/**
	 * Whether a login may be checked now, counting it as throttled if not.
	 * @param user the login
	 * @param address the client's address
	 * @return {@code null} if the password may be checked, otherwise how long the client
	 * must wait
	 */
	synchronized @Nullable Duration retryIn(String user, String address) {
		long now = this.clock.millis();
		Key pair = Key.pair(user, address);
		long until = blockedUntil(pair, now);
		if (!this.known.containsKey(pair)) {
			until = Math.max(until, blockedUntil(Key.user(user), now));
			until = Math.max(until, blockedUntil(Key.address(address), now));
		}
		if (until <= now) {
			return null;
		}
		this.throttled.increment();
		return Duration.ofMillis(until - now);
	}

	/**
	 * Notes a wrong password.
	 * @param user the login
	 * @param address the client's address
	 */
	synchronized void failed(String user, String address) {
		this.failed.increment();
		long now = this.clock.millis();
		Key pair = Key.pair(user, address);
		fail(pair, this.settings.freeFailures(), now);
		if (!this.known.containsKey(pair)) {
			fail(Key.user(user), this.settings.userFreeFailures(), now);
			fail(Key.address(address), this.settings.addressFreeFailures(), now);
		}
	}

	/**
	 * Notes a good login: the user and address start afresh, and from then on only their
	 * own failures hold them back, not the user's from other addresses nor the address's
	 * for other users (someone guessing behind the same NAT).
	 * @param user the login
	 * @param address the client's address
	 */
	synchronized void succeeded(String user, String address) {
		this.succeeded.increment();
		Key pair = Key.pair(user, address);
		this.failures.remove(pair);
		this.known.put(pair, Boolean.TRUE);
	}

	private long blockedUntil(Key key, long now) {
		Backoff backoff = this.failures.get(key);
		if (backoff == null) {
			return 0;
		}
		if (now - backoff.lastFailure > this.settings.forgetAfter().toMillis()) {
			this.failures.remove(key);
			return 0;
		}
		return backoff.blockedUntil;
	}

	private void fail(Key key, int free, long now) {
		Backoff backoff = this.failures.get(key);
		if (backoff == null || now - backoff.lastFailure > this.settings.forgetAfter().toMillis()) {
			backoff = new Backoff();
			this.failures.put(key, backoff);
		}
		backoff.count++;
		backoff.lastFailure = now;
		int beyond = backoff.count - free;
		if (beyond <= 0) {
			return;
		}
		long delay = Math.min(this.settings.maxDelay().toMillis(),
				this.settings.firstDelay().toMillis() << Math.min(beyond - 1, 30));
		backoff.blockedUntil = now + delay;
		if (beyond == 1) {
			logger.warn("Throttling logins of " + key.describe() + " after " + backoff.count + " failed logins: "
					+ "each further failure doubles the wait, from " + this.settings.firstDelay().toSeconds()
					+ " s up to " + this.settings.maxDelay().toSeconds() + " s");
		}
	}

	private static Counter counter(MeterRegistry meters, String result) {
		return Counter.builder("hub.security.logins")
			.description("STOMP logins with a login header, by outcome; throttled ones are refused unchecked")
			.tag("result", result)
			.register(meters);
	}

	/** What a key counts failures of. */
	private enum Scope {

		PAIR, USER, ADDRESS

	}

	/** A user from an address, a user from anywhere, or an address for anyone. */
	private record Key(Scope scope, String user, String address) {

		static Key pair(String user, String address) {
			return new Key(Scope.PAIR, user, address);
		}

		static Key user(String user) {
			return new Key(Scope.USER, user, "");
		}

		static Key address(String address) {
			return new Key(Scope.ADDRESS, "", address);
		}

		String describe() {
			return switch (this.scope) {
				case PAIR -> "user " + this.user + " from " + this.address;
				case USER -> "user " + this.user + " from any address";
				case ADDRESS -> "address " + this.address + " for any user";
			};
		}

	}

	/** One key's failures. */
	private static final class Backoff {

		int count;

		long lastFailure;

		long blockedUntil;

	}

}
