package io.dronehub.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Behind a reverse proxy ({@code server.forward-headers-strategy} set), the handshake
 * limit holds per client address that the proxy names: one client over its burst gets
 * {@code 429}, another behind the same proxy is unaffected.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "server.forward-headers-strategy=framework",
				"hub.security.limits.handshake-burst=2", "hub.security.limits.handshakes-per-second=0.01" })
@ActiveProfiles("it")
class ForwardedAddressIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void theLimitHoldsPerForwardedAddress() {
		WebSocket first = open("203.0.113.1").join();
		WebSocket second = open("203.0.113.1").join();
		Throwable refused = catchThrowable(() -> open("203.0.113.1").join());
		assertThat(refused).isInstanceOf(CompletionException.class)
			.cause()
			.isInstanceOf(WebSocketHandshakeException.class);
		assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).isEqualTo(429);
		WebSocket other = open("203.0.113.2").join();
		for (WebSocket socket : new WebSocket[] { first, second, other }) {
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
		}
	}

	private CompletableFuture<WebSocket> open(String client) {
		return this.http.newWebSocketBuilder()
			.header("X-Forwarded-For", client)
			.buildAsync(URI.create("ws://localhost:" + this.port + "/ws"), new WebSocket.Listener() {
			});
	}

}
