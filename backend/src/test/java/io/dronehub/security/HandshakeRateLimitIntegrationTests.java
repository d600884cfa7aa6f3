package io.dronehub.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;

import io.dronehub.StompTestClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * An address that opens WebSockets faster than {@code hub.security.limits} allows gets
 * {@code 429} with {@code Retry-After} before the upgrade; without
 * {@code server.forward-headers-strategy} it cannot escape the limit by naming another
 * address in {@code X-Forwarded-For}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.security.limits.handshake-burst=2",
				"hub.security.limits.handshakes-per-second=0.01" })
@ActiveProfiles("it")
class HandshakeRateLimitIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meters;

	@Test
	void handshakesBeyondTheBurstAreAnswered429WithRetryAfter() throws Exception {
		try (StompTestClient first = StompTestClient.connect(this.port, null, null);
				StompTestClient second = StompTestClient.connect(this.port, null, null)) {
			Throwable refused = catchThrowable(() -> HttpClient.newHttpClient()
				.newWebSocketBuilder()
				.header("X-Forwarded-For", "203.0.113.9")
				.buildAsync(URI.create("ws://localhost:" + this.port + "/ws"), new WebSocket.Listener() {
				})
				.join());
			assertThat(refused).isInstanceOf(CompletionException.class)
				.cause()
				.isInstanceOf(WebSocketHandshakeException.class);
			var response = ((WebSocketHandshakeException) refused.getCause()).getResponse();
			assertThat(response.statusCode()).isEqualTo(429);
			assertThat(response.headers().firstValue("Retry-After"))
				.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 100L));
			assertThat(first.user()).isNotNull();
			assertThat(this.meters.get("hub.security.handshakes").tag("result", "limited").counter().count())
				.isEqualTo(1);
		}
	}

}
