package io.dronehub.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * Answers an HTTP request whose basic credentials were refused: {@code 429 Too Many
 * Requests} with {@code Retry-After} while the user and address are throttled, the usual
 * {@code 401} with a basic challenge otherwise.
 */
final class LoginEntryPoint implements AuthenticationEntryPoint {

	private final BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();

	LoginEntryPoint() {
		this.basic.setRealmName("Realm");
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
			throws IOException {
		if (refusal instanceof LoginThrottled throttled) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
			response.setContentType(MediaType.TEXT_PLAIN_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().println(throttled.getMessage());
			return;
		}
		this.basic.commence(request, response, refusal);
	}

}
