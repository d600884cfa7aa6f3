package io.dronehub.config;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hides the {@code Sec-WebSocket-Extensions} header of a WebSocket handshake from the
 * container, so that no extension (permessage-deflate, which browsers always offer) is
 * negotiated. The container negotiates from the request itself, so refusing it in
 * Spring's handshake handler is not enough.
 */
class DeflateRefusingFilter extends OncePerRequestFilter {

	private static final String EXTENSIONS = "Sec-WebSocket-Extensions";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter((request.getHeader(EXTENSIONS) != null) ? new WithoutExtensions(request) : request, response);
	}

	private static final class WithoutExtensions extends HttpServletRequestWrapper {

		WithoutExtensions(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getHeader(String name) {
			return EXTENSIONS.equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return EXTENSIONS.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			return Collections.enumeration(Collections.list(super.getHeaderNames())
				.stream()
				.filter((name) -> !EXTENSIONS.equalsIgnoreCase(name))
				.toList());
		}

	}

}
