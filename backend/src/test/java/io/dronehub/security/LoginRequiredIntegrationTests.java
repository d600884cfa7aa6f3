package io.dronehub.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.dronehub.StompTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * With {@code hub.security.anonymous-observers=false} every connection must log in, over
 * STOMP and over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.security.anonymous-observers=false" })
@ActiveProfiles("it")
class LoginRequiredIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void aConnectionWithoutLoginIsRefused() throws Exception {
		assertThat(StompTestClient.connectExpectingError(this.port, null, null))
			.isEqualTo("login required: send the login and passcode headers");
	}

	@Test
	void anObserverWhoLogsInMayWatch() throws Exception {
		try (StompTestClient watcher = StompTestClient.connect(this.port, "watcher", "watcher-secret")) {
			assertThat(watcher.user()).isEqualTo("watcher");
			assertThat(StompTestClient.next(watcher.subscribe("/app/fleet")).isArray()).isTrue();
			assertThat(StompTestClient.next(watcher.subscribe("/app/events")).isArray()).isTrue();
		}
	}

	@Test
	void theRestApiAsksForCredentials() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		URI drones = URI.create("http://localhost:" + this.port + "/api/drones");
		HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(drones).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		String basic = Base64.getEncoder().encodeToString("watcher:watcher-secret".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> authenticated = http.send(
				HttpRequest.newBuilder(drones).header("Authorization", "Basic " + basic).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(authenticated.statusCode()).isEqualTo(200);
		assertThat(authenticated.body()).contains("\"droneId\":\"d1\"");
	}

	@Test
	void theFoxgloveEndpointAsksForCredentialsAtTheHandshake() throws Exception {
		URI foxglove = URI.create("ws://localhost:" + this.port + "/foxglove");
		Throwable refused = catchThrowable(() -> HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.subprotocols("foxglove.websocket.v1")
			.buildAsync(foxglove, new WebSocket.Listener() {
			})
			.join());
		assertThat(refused).cause().isInstanceOf(WebSocketHandshakeException.class);
		assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).isEqualTo(401);
		String basic = Base64.getEncoder().encodeToString("watcher:watcher-secret".getBytes(StandardCharsets.UTF_8));
		WebSocket watcher = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.header("Authorization", "Basic " + basic)
			.subprotocols("foxglove.sdk.v1")
			.buildAsync(foxglove, new WebSocket.Listener() {
			})
			.join();
		assertThat(watcher.getSubprotocol()).isEqualTo("foxglove.sdk.v1");
		watcher.abort();
	}

}
