package io.dronehub.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;

import io.dronehub.HubHarness;
import io.dronehub.SteppingClock;
import io.dronehub.SteppingClockConfiguration;
import io.dronehub.StompTestClient;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.outbound.SessionWriters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Single sign-on over STOMP and HTTP: tokens of an identity provider served inside the
 * test, minted here, log users in with the name and roles of their claims; every kind of
 * bad token is refused with a clear ERROR and the connection closed; a session ends when
 * its token expires, and the drone it flew follows the link-loss rules.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.fleet.size=3", "hub.security.jwt.audience=hub" })
@ActiveProfiles("it")
@Import(SteppingClockConfiguration.class)
class JwtLoginIntegrationTests {

	private static final TestIdentityProvider idp = start();

	private static final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	private final SteppingClock clock;

	private final HubHarness hub;

	JwtLoginIntegrationTests(@LocalServerPort int port, @Autowired SteppingClock clock,
			@Autowired SimulationLoop simulation, @Autowired SessionWriters<?> writers) {
		this.port = port;
		this.clock = clock;
		this.hub = new HubHarness(port, simulation, writers);
	}

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", idp::issuer);
	}

	@AfterEach
	void disconnect() {
		this.hub.close();
	}

	@AfterAll
	static void stopIdentityProvider() {
		idp.close();
	}

	@Test
	void aTokenLogsInWithTheNameAndRolesOfItsClaims() throws Exception {
		Instant now = Instant.now();
		try (StompTestClient carol = StompTestClient.connect(this.port,
				bearer(idp.signed(idp.claims(now, "carol", (claims) -> claims.claim("roles", List.of("Pilot"))))))) {
			assertThat(carol.user()).isEqualTo("carol");
			BlockingQueue<JsonNode> replies = carol.subscribeReplies();
			assertThat(carol
				.request(replies, "/app/control", "{\"droneId\":\"d2\",\"action\":\"ACQUIRE\",\"commandId\":\"c-1\"}",
						"c-1")
				.get("status")
				.asString()).as("a pilot by the token's roles").isEqualTo("ACCEPTED");
		}
		try (StompTestClient watcher = StompTestClient.connect(this.port, bearer(idp.signed(idp.claims(now, "dave",
				(claims) -> claims.claim("preferred_username", null).claim("roles", "observer")))))) {
			assertThat(watcher.user()).as("no preferred_username: the sub").isEqualTo("id-of-dave");
			BlockingQueue<JsonNode> errors = watcher.subscribeErrors();
			watcher.send("/app/command", "{\"droneId\":\"d2\",\"type\":\"ARM\",\"commandId\":\"w-1\"}");
			assertThat(StompTestClient.next(errors).get("message").asString())
				.isEqualTo("not allowed to send to /app/command");
		}
	}

	@Test
	void badTokensAreRefusedWithTheReasonAndTheConnectionClosed() throws Exception {
		Instant now = Instant.now();
		Map<String, String> refusals = new LinkedHashMap<>();
		refusals.put(idp.signed(idp.claims(now, "carol",
				(claims) -> claims.issueTime(Date.from(now.minusSeconds(900)))
					.notBeforeTime(Date.from(now.minusSeconds(900)))
					.expirationTime(Date.from(now.minusSeconds(600))))),
				"Jwt expired at");
		refusals.put(
				idp.signed(idp.claims(now, "carol", (claims) -> claims.notBeforeTime(Date.from(now.plusSeconds(600))))),
				"Jwt used before");
		refusals.put(idp.signed(idp.claims(now, "carol", (claims) -> claims.issuer("http://127.0.0.1:1/realms/evil"))),
				"The iss claim is not valid");
		refusals.put(idp.signed(idp.claims(now, "carol", (claims) -> claims.audience("another-service"))),
				"The aud claim is not valid");
		refusals.put(idp.signedByAnotherKey(idp.claims(now, "carol", (claims) -> {
		})), "Invalid signature");
		refusals.put(TestIdentityProvider.unsigned(idp.claims(now, "carol", (claims) -> {
		})), "Unsupported algorithm of none");
		refusals.put(
				idp.signed(idp.claims(now, "carol", (claims) -> claims.claim("roles", List.of("uma_authorization")))),
				"the token grants none of the hub's roles [OBSERVER, PILOT, ADMIN] in its claim roles");
		refusals.put("not-a-token", "Malformed token");
		for (Map.Entry<String, String> refusal : refusals.entrySet()) {
			assertThat(StompTestClient.connectExpectingError(this.port, bearer(refusal.getKey())))
				.startsWith("invalid token: ")
				.contains(refusal.getValue());
		}
	}

	@Test
	void httpTakesTheSameTokens() throws Exception {
		Instant now = Instant.now();
		String admin = idp.signed(idp.claims(now, "erin", (claims) -> claims.claim("roles", List.of("ADMIN"))));
		String pilot = idp.signed(idp.claims(now, "carol", (claims) -> {
		}));
		String unknownFlight = "/api/flights/" + UUID.randomUUID();
		assertThat(send("DELETE", unknownFlight, admin).statusCode()).as("an admin by the token's roles")
			.isEqualTo(404);
		assertThat(send("DELETE", unknownFlight, pilot).statusCode()).isEqualTo(403);
		assertThat(send("GET", "/api/drones", pilot).statusCode()).isEqualTo(200);
		HttpResponse<String> expired = send("GET", "/api/drones",
				idp.signed(idp.claims(now.minusSeconds(900), "carol", (claims) -> {
				})));
		assertThat(expired.statusCode()).isEqualTo(401);
		assertThat(expired.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer").contains("invalid_token"));
	}

	@Test
	void aSessionEndsWhenItsTokenExpiresAndItsDroneFollowsTheLinkLossRules() throws Exception {
		Instant now = this.clock.instant();
		StompTestClient carol = StompTestClient.connect(this.port, bearer(idp
			.signed(idp.claims(now, "carol", (claims) -> claims.expirationTime(Date.from(now.plusSeconds(30)))))));
		BlockingQueue<JsonNode> replies = carol.subscribeReplies();
		carol.takeOff(replies, "d3", 5);
		this.hub.advance(100);
		assertThat(this.hub.latest("d3").pilot()).isEqualTo("carol");

		this.clock.advance(Duration.ofSeconds(30));
		assertThat(carol.awaitError())
			.isEqualTo("token expired at " + Instant.ofEpochSecond(now.getEpochSecond() + 30) + ": log in again");
		await().atMost(StompTestClient.TIMEOUT).until(() -> {
			this.hub.advance(1);
			return this.hub.latest("d3").pilot() == null;
		});
		DroneState held = this.hub.latest("d3");
		assertThat(held.mode().name()).isEqualTo("HOLD");
		assertThat(held.failsafe()).hasToString("LINK_LOST");
		carol.close();
	}

	@Test
	void passwordsStillWorkBesideTokens() throws Exception {
		try (StompTestClient alice = StompTestClient.connect(this.port, "alice", "alice-secret")) {
			assertThat(alice.user()).isEqualTo("alice");
		}
	}

	private HttpResponse<String> send(String method, String path, String token) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static StompHeaders bearer(String token) {
		StompHeaders headers = new StompHeaders();
		headers.set("Authorization", "Bearer " + token);
		return headers;
	}

	private static TestIdentityProvider start() {
		try {
			return new TestIdentityProvider();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
