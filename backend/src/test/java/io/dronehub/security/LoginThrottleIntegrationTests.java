package io.dronehub.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import io.dronehub.SteppingClock;
import io.dronehub.SteppingClockConfiguration;
import io.dronehub.StompTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing a password over STOMP: after five wrong passwords the next CONNECT is refused
 * unchecked, with the wait, until the manual clock has moved past it; another user from
 * the same address is not held back.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hub.simulation.clock=manual")
@ActiveProfiles("it")
@Import(SteppingClockConfiguration.class)
class LoginThrottleIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private SteppingClock clock;

	@Test
	void aGuesserIsToldToWaitAndTheRightPasswordWorksOnceTheWaitIsOver() throws Exception {
		for (int i = 0; i < 6; i++) {
			assertThat(StompTestClient.connectExpectingError(this.port, "alice", "guess-" + i))
				.isEqualTo("invalid login or passcode");
		}
		assertThat(StompTestClient.connectExpectingError(this.port, "alice", "alice-secret"))
			.as("even the right password is not checked during the wait")
			.isEqualTo("too many failed logins: retry in 1 s");
		try (StompTestClient bob = StompTestClient.connect(this.port, "bob", "bob-secret")) {
			assertThat(bob.user()).isEqualTo("bob");
		}
		this.clock.advance(Duration.ofSeconds(1));
		try (StompTestClient alice = StompTestClient.connect(this.port, "alice", "alice-secret")) {
			assertThat(alice.user()).isEqualTo("alice");
		}
	}

	@Test
	void aTokenIsRefusedByAHubWithoutAnIdentityProvider() throws Exception {
		StompHeaders bearer = new StompHeaders();
		bearer.set("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
		assertThat(StompTestClient.connectExpectingError(this.port, bearer))
			.isEqualTo("this hub takes no tokens (it has no identity provider): send the login and passcode headers");
	}

	@Test
	void httpBasicGuessesAreThrottledAlikeWithTooManyRequests() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(get("bob", "guess-" + i).statusCode()).isEqualTo(401);
		}
		assertThat(get("bob", "guess-5").statusCode()).isEqualTo(401);
		HttpResponse<String> throttled = get("bob", "bob-secret");
		assertThat(throttled.statusCode()).isEqualTo(429);
		assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(throttled.body()).isEqualTo("too many failed logins: retry in 1 s\n");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(get("bob", "bob-secret").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String user, String password) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/drones"))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
