package io.dronehub.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A login refused unchecked: too many failures came before it, and the wait has not
 * passed.
 */
final class LoginThrottled extends AuthenticationException {

	private final long retryAfterSeconds;

	LoginThrottled(Duration wait) {
		this(RetryAfter.seconds(wait.toNanos()));
	}

	private LoginThrottled(long retryAfterSeconds) {
		super("too many failed logins: retry in " + retryAfterSeconds + " s");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/**
	 * The wait, as {@code Retry-After} gives it.
	 * @return whole seconds, rounded up
	 */
	long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
