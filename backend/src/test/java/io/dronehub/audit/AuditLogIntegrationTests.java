package io.dronehub.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;

import io.dronehub.StompTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit trail of one short story: logins good and bad, control taken, refused, forced
 * away and released, and a flight deleted by an admin, each one line in
 * {@code io.dronehub.audit} with user, address and session.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hub.simulation.clock=manual")
@ActiveProfiles("it")
@ExtendWith(OutputCaptureExtension.class)
class AuditLogIntegrationTests {

	private static final String SESSION = " session=[0-9a-z-]+";

	@LocalServerPort
	private int port;

	@Test
	void loginsControlAndAdministrationAreAudited(CapturedOutput output) throws Exception {
		assertThat(StompTestClient.connectExpectingError(this.port, "alice", "wrong"))
			.isEqualTo("invalid login or passcode");
		try (StompTestClient alice = StompTestClient.connect(this.port, "alice", "alice-secret");
				StompTestClient bob = StompTestClient.connect(this.port, "bob", "bob-secret");
				StompTestClient admin = StompTestClient.connect(this.port, "admin", "admin-secret")) {
			BlockingQueue<JsonNode> aliceReplies = alice.subscribeReplies();
			BlockingQueue<JsonNode> bobReplies = bob.subscribeReplies();
			BlockingQueue<JsonNode> adminReplies = admin.subscribeReplies();
			alice.request(aliceReplies, "/app/control", control("d1", "ACQUIRE", "a-1"), "a-1");
			bob.request(bobReplies, "/app/control", control("d1", "ACQUIRE", "b-1"), "b-1");
			admin.request(adminReplies, "/app/control", control("d1", "FORCE_RELEASE", "x-1"), "x-1");
			bob.request(bobReplies, "/app/control", control("d1", "ACQUIRE", "b-2"), "b-2");
			bob.request(bobReplies, "/app/control", control("d1", "RELEASE", "b-3"), "b-3");
		}
		String flight = UUID.randomUUID().toString();
		HttpResponse<String> deleted = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/flights/" + flight))
				.DELETE()
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString("admin:admin-secret".getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(deleted.statusCode()).isEqualTo(404);

		String address = " address=127\\.0\\.0\\.1";
		await().untilAsserted(() -> assertThat(output.getOut()
			.lines()
			.filter((line) -> line.contains("io.dronehub.audit"))
			.map((line) -> line.substring(line.indexOf("io.dronehub.audit"))
				.replaceFirst("^io\\.dronehub\\.audit\\s+: ", ""))
			// the test client's own way of knowing a subscription is live
			.filter((line) -> !line.contains(" drone=none "))
			.toList())
			.satisfiesExactly((line) -> assertThat(line).matches("login result=failure user=alice" + address + SESSION),
					(line) -> assertThat(line).matches("login result=success user=alice" + address + SESSION),
					(line) -> assertThat(line).matches("login result=success user=bob" + address + SESSION),
					(line) -> assertThat(line).matches("login result=success user=admin" + address + SESSION),
					(line) -> assertThat(line)
						.matches("control action=acquire drone=d1 result=accepted user=alice" + address + SESSION),
					(line) -> assertThat(line).matches("control action=acquire drone=d1 result=rejected "
							+ "code=CONTROLLED_BY_OTHER user=bob" + address + SESSION),
					(line) -> assertThat(line).matches(
							"control action=force-release drone=d1 result=accepted user=admin" + address + SESSION),
					(line) -> assertThat(line)
						.matches("control action=acquire drone=d1 result=accepted user=bob" + address + SESSION),
					(line) -> assertThat(line)
						.matches("control action=release drone=d1 result=accepted user=bob" + address + SESSION),
					(line) -> assertThat(line).isEqualTo("admin action=delete-flight target=" + flight
							+ " result=not-found user=admin address=127.0.0.1 session=-")));
	}

	private static String control(String drone, String action, String id) {
		return "{\"droneId\":\"" + drone + "\",\"action\":\"" + action + "\",\"commandId\":\"" + id + "\"}";
	}

}
