package io.dronehub.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Limits WebSocket handshakes per client address with a token bucket each: beyond the
 * burst and the rate, a handshake is answered {@code 429 Too Many Requests} with a
 * {@code Retry-After} header before the connection is upgraded. The address is the
 * request's remote address, which is the proxy's unless
 * {@code server.forward-headers-strategy} tells the hub to read the forwarded headers, so
 * a client cannot pick its own. At most {@link #MAX_ADDRESSES} buckets are kept, the
 * least recently used dropped first.
 */
public class HandshakeRateLimit implements HandshakeInterceptor {

	static final int MAX_ADDRESSES = 100_000;

	private final double ratePerSecond;

	private final int burst;

	private final LongSupplier nanoTime;

	private final Map<String, TokenBucket> buckets = LeastRecentlyUsed.map(MAX_ADDRESSES);

	private final Counter accepted;

	private final Counter limited;

	HandshakeRateLimit(SecurityProperties.Limits limits, LongSupplier nanoTime, MeterRegistry meters) {
		this.ratePerSecond = limits.handshakesPerSecond();
		this.burst = limits.handshakeBurst();
		this.nanoTime = nanoTime;
		this.accepted = counter(meters, "accepted");
		this.limited = counter(meters, "limited");
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		String address = ClientAddressInterceptor.addressOf(request);
		if (address == null) {
			address = "unknown";
		}
		long wait = bucket(address).take();
		if (wait == 0) {
			this.accepted.increment();
			return true;
		}
		this.limited.increment();
		long seconds = RetryAfter.seconds(wait);
		response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
		response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		response.getHeaders().setContentType(MediaType.TEXT_PLAIN);
		try {
			response.getBody()
				.write(("too many connections from " + address + ": retry in " + seconds + " s\n")
					.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			// the client went away; the status is what matters
		}
		return false;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
	}

	private synchronized TokenBucket bucket(String address) {
		return this.buckets.computeIfAbsent(address,
				(key) -> new TokenBucket(this.ratePerSecond, this.burst, this.nanoTime));
	}

	private static Counter counter(MeterRegistry meters, String result) {
		return Counter.builder("hub.security.handshakes")
			.description("WebSocket handshakes by outcome: accepted, or limited (429) for their address's rate")
			.tag("result", result)
			.register(meters);
	}

}
