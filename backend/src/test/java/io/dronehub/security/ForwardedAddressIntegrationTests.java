package io.dronehub.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.dronehub.StompTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Behind a reverse proxy ({@code server.forward-headers-strategy} set), the handshake
 * limit holds per client address that the proxy names: one client over its burst gets
 * {@code 429}, another behind the same proxy is unaffected; and someone guessing a
 * password from one address does not keep its owner out on another.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "server.forward-headers-strategy=framework",
				"hub.security.limits.handshake-burst=8", "hub.security.limits.handshakes-per-second=0.01" })
@ActiveProfiles("it")
class ForwardedAddressIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void theLimitHoldsPerForwardedAddress() {
		List<WebSocket> sockets = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			sockets.add(open("203.0.113.1").join());
		}
		Throwable refused = catchThrowable(() -> open("203.0.113.1").join());
		assertThat(refused).isInstanceOf(CompletionException.class)
			.cause()
			.isInstanceOf(WebSocketHandshakeException.class);
		assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).isEqualTo(429);
		sockets.add(open("203.0.113.2").join());
		for (WebSocket socket : sockets) {
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
		}
	}

	@Test
	void aGuesserOnOneAddressDoesNotLockTheOwnerOutOnAnother() throws Exception {
		for (int i = 0; i < 6; i++) {
			assertThat(StompTestClient.connectExpectingErrorWith(this.port, from("203.0.113.5"), login("guess-" + i)))
				.isEqualTo("invalid login or passcode");
		}
		assertThat(StompTestClient.connectExpectingErrorWith(this.port, from("203.0.113.5"), login("alice-secret")))
			.isEqualTo("too many failed logins: retry in 1 s");
		try (StompTestClient alice = StompTestClient.connect("ws://localhost:" + this.port + "/ws",
				new StandardWebSocketClient(), from("203.0.113.6"), login("alice-secret"))) {
			assertThat(alice.user()).isEqualTo("alice");
		}
	}

	private static WebSocketHttpHeaders from(String client) {
		WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
		headers.set("X-Forwarded-For", client);
		return headers;
	}

	private static StompHeaders login(String passcode) {
		StompHeaders headers = new StompHeaders();
		headers.setLogin("alice");
		headers.setPasscode(passcode);
		return headers;
	}

	private CompletableFuture<WebSocket> open(String client) {
		return this.http.newWebSocketBuilder()
			.header("X-Forwarded-For", client)
			.buildAsync(URI.create("ws://localhost:" + this.port + "/ws"), new WebSocket.Listener() {
			});
	}

}
