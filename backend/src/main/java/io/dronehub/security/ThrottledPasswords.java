package io.dronehub.security;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks passwords, over STOMP and HTTP basic alike, through the {@link LoginThrottle}: a
 * throttled user and address get {@link LoginThrottled} before the password is even
 * checked, and every answer is counted against their keys. The client's address is the
 * request's for HTTP ({@link WebAuthenticationDetails}), and the one that
 * {@link StompGuard} puts in the details for STOMP.
 */
final class ThrottledPasswords implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledPasswords(AuthenticationProvider passwords, LoginThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public @Nullable Authentication authenticate(Authentication login) throws AuthenticationException {
		String user = login.getName();
		String address = addressOf(login.getDetails());
		Duration wait = this.throttle.retryIn(user, address);
		if (wait != null) {
			throw new LoginThrottled(wait);
		}
		Authentication authenticated;
		try {
			authenticated = this.passwords.authenticate(login);
		}
		catch (AuthenticationException ex) {
			this.throttle.failed(user, address);
			throw ex;
		}
		this.throttle.succeeded(user, address);
		return authenticated;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String addressOf(@Nullable Object details) {
		if (details instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null) {
			return web.getRemoteAddress();
		}
		return (details instanceof String address) ? address : "unknown";
	}

}
