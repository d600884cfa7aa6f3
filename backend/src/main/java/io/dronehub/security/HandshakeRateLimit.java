package io.dronehub.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits WebSocket handshakes per client address with a token bucket each: beyond the
 * burst and the rate, a handshake is answered {@code 429 Too Many Requests} with a
 * {@code Retry-After} header. It runs as the first servlet filter of the endpoint, before
 * Spring Security and the dispatcher, so a refusal costs little; and the refusal is sent
 * only after {@code hub.security.limits.refusal-delay}, without holding a container
 * thread meanwhile (the request waits asynchronously), so that a client retrying in a
 * loop makes one attempt per delay and connection instead of taking every core.
 * <p>
 * The address is the request's remote address, which is the proxy's unless
 * {@code server.forward-headers-strategy} tells the hub to read the forwarded headers, so
 * a client cannot pick its own. At most {@link #MAX_ADDRESSES} buckets are kept, the
 * least recently used dropped first.
 */
public class HandshakeRateLimit extends OncePerRequestFilter {

	static final int MAX_ADDRESSES = 100_000;

	private final double ratePerSecond;

	private final int burst;

	private final Duration refusalDelay;

	private final LongSupplier nanoTime;

	private final TaskScheduler scheduler;

	private final Map<String, TokenBucket> buckets = LeastRecentlyUsed.map(MAX_ADDRESSES);

	private final Counter accepted;

	private final Counter limited;

	HandshakeRateLimit(SecurityProperties.Limits limits, LongSupplier nanoTime, TaskScheduler scheduler,
			MeterRegistry meters) {
		this.ratePerSecond = limits.handshakesPerSecond();
		this.burst = limits.handshakeBurst();
		this.refusalDelay = limits.refusalDelay();
		this.nanoTime = nanoTime;
		this.scheduler = scheduler;
		this.accepted = counter(meters, "accepted");
		this.limited = counter(meters, "limited");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = request.getRemoteAddr();
		long wait = bucket((address != null) ? address : "unknown").take();
		if (wait == 0) {
			this.accepted.increment();
			chain.doFilter(request, response);
			return;
		}
		this.limited.increment();
		long seconds = RetryAfter.seconds(wait);
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		response.setContentType(MediaType.TEXT_PLAIN_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().println("too many connections from " + address + ": retry in " + seconds + " s");
		if (this.refusalDelay.isZero() || !request.isAsyncSupported()) {
			return;
		}
		AsyncContext waiting = request.startAsync();
		waiting.setTimeout(this.refusalDelay.toMillis() + TimeUnit.SECONDS.toMillis(30));
		this.scheduler.schedule(waiting::complete, this.scheduler.getClock().instant().plus(this.refusalDelay));
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
