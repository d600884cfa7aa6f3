package io.dronehub.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handshake limit on a stepped clock: the burst passes, the next handshake is refused
 * with {@code 429} and {@code Retry-After}, and the refusal waits asynchronously for the
 * refusal delay instead of holding the container's thread.
 */
class HandshakeRateLimitTests {

	private final AtomicLong nanos = new AtomicLong();

	private final RecordingScheduler scheduler = new RecordingScheduler();

	private final HandshakeRateLimit limit = new HandshakeRateLimit(
			new SecurityProperties.Limits(DataSize.ofKilobytes(4), DataSize.ofKilobytes(32), 50, 100, 50, 10, 1000, 0.5,
					2, Duration.ofSeconds(1)),
			this.nanos::get, this.scheduler, new SimpleMeterRegistry());

	@Test
	void beyondTheBurstAHandshakeIsRefusedAfterTheDelayWithoutHoldingTheThread() throws Exception {
		assertThat(handshake("203.0.113.1").chain.getRequest()).as("passed on").isNotNull();
		assertThat(handshake("203.0.113.1").chain.getRequest()).isNotNull();

		Handshake refused = handshake("203.0.113.1");
		assertThat(refused.chain.getRequest()).as("not passed on").isNull();
		assertThat(refused.response.getStatus()).isEqualTo(429);
		assertThat(refused.response.getHeader("Retry-After")).isEqualTo("2");
		assertThat(refused.response.getContentAsString())
			.isEqualTo("too many connections from 203.0.113.1: retry in 2 s\n");
		assertThat(refused.request.isAsyncStarted()).as("the thread returns while the refusal waits").isTrue();
		assertThat(this.scheduler.at).singleElement().isEqualTo(this.scheduler.getClock().instant().plusSeconds(1));
		this.scheduler.tasks.get(0).run();
		assertThat(refused.request.isAsyncStarted()).as("answered").isFalse();

		assertThat(handshake("203.0.113.2").chain.getRequest()).as("another address").isNotNull();
		this.nanos.addAndGet(Duration.ofSeconds(2).toNanos());
		assertThat(handshake("203.0.113.1").chain.getRequest()).as("a token later").isNotNull();
	}

	private Handshake handshake(String address) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ws");
		request.setRemoteAddr(address);
		request.setAsyncSupported(true);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.limit.doFilter(request, response, chain);
		return new Handshake(request, response, chain);
	}

	private record Handshake(MockHttpServletRequest request, MockHttpServletResponse response, MockFilterChain chain) {
	}

	/** Keeps what is scheduled, to run it when the test says. */
	private static final class RecordingScheduler extends SimpleAsyncTaskScheduler {

		private final List<Runnable> tasks = new ArrayList<>();

		private final List<Instant> at = new ArrayList<>();

		RecordingScheduler() {
			setClock(Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC));
		}

		@Override
		public @Nullable ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
			this.tasks.add(task);
			this.at.add(startTime);
			return null;
		}

	}

}
