package io.dronehub.recorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;

import io.dronehub.HubHarness;
import io.dronehub.StompTestClient;
import io.dronehub.flight.FlightMode;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.outbound.SessionWriters;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A flight flown over STOMP while a spectator watches, then read back through the HTTP
 * API of the recorder, on the embedded database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hub.simulation.clock=manual")
@ActiveProfiles("it")
class FlightRecorderIntegrationTests {

	private final int port;

	private final HubHarness hub;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	FlightRecorderIntegrationTests(@LocalServerPort int port, @Autowired SimulationLoop simulation,
			@Autowired SessionWriters<?> writers) {
		this.port = port;
		this.hub = new HubHarness(port, simulation, writers);
	}

	@AfterEach
	void disconnect() {
		this.hub.close();
	}

	@Test
	void aFlightReadBackHasEveryStateTheSpectatorSawAndItsSummary() throws Exception {
		BlockingQueue<JsonNode> spectator = this.hub.connect().subscribe("/topic/drones/d1/telemetry");
		this.hub.awaitTelemetry(List.of(spectator));
		StompTestClient pilot = this.hub.connect("alice");
		BlockingQueue<JsonNode> replies = pilot.subscribeReplies();
		pilot.request(replies, "/app/control", "{\"droneId\":\"d1\",\"action\":\"ACQUIRE\",\"commandId\":\"a\"}", "a");
		pilot.request(replies, "/app/command", "{\"droneId\":\"d1\",\"type\":\"ARM\",\"commandId\":\"b\"}", "b");
		pilot.request(replies, "/app/command",
				"{\"droneId\":\"d1\",\"type\":\"TAKEOFF\",\"altitude\":4,\"commandId\":\"c\"}", "c");
		this.hub.advance(60);
		pilot.request(replies, "/app/command", "{\"droneId\":\"d1\",\"type\":\"LAND\",\"commandId\":\"d\"}", "d");
		while (this.hub.latest("d1").mode() != FlightMode.DISARMED) {
			this.hub.advance(10);
		}
		this.hub.advance(2);

		List<JsonNode> watched = new ArrayList<>();
		for (JsonNode state = spectator.poll(); state != null; state = spectator.poll()) {
			watched.add(state);
		}
		List<JsonNode> flown = flightOf(watched);
		JsonNode flight = await().atMost(StompTestClient.TIMEOUT)
			.until(() -> json(get("/api/flights?drone=d1", null)).at("/content/0"),
					(found) -> !found.isMissingNode() && found.get("endedAt").isNumber());
		String id = flight.get("id").asString();

		assertThat(flight.get("droneId").asString()).isEqualTo("d1");
		assertThat(flight.get("endReason").asString()).isEqualTo("DISARMED");
		assertThat(flight.get("pilots").valueStream().map(JsonNode::asString)).containsExactly("alice");
		assertThat(flight.get("frames").asLong()).isEqualTo(flown.size());
		assertThat(flight.get("startedAt").asLong()).isEqualTo(flown.get(0).get("timestamp").asLong());
		assertThat(flight.get("endedAt").asLong()).isEqualTo(flown.get(flown.size() - 1).get("timestamp").asLong());
		assertThat(flight.get("maxAltitude").asDouble()).isBetween(3.5, 4.5);
		assertThat(flight.get("distance").asDouble()).isBetween(7.0, 9.0);

		List<JsonNode> recorded = get("/api/flights/" + id + "/telemetry?format=ndjson", null).lines()
			.map(this::json)
			.toList();
		assertThat(recorded).as("every field of every state, as the spectator received it").isEqualTo(flown);

		List<String> csv = get("/api/flights/" + id + "/telemetry", "text/csv").lines().toList();
		assertThat(csv.get(0)).startsWith("droneId,seq,timestamp,mode,armed,position.lat");
		assertThat(csv.subList(1, csv.size())).extracting((row) -> Long.parseLong(row.split(",")[1]))
			.containsExactlyElementsOf(flown.stream().map((state) -> state.get("seq").asLong()).toList());
		assertThat(csv.get(1).split(",", -1)).hasSize(19);

		assertThat(json(get("/api/flights/" + id + "/events", null)).valueStream()
			.map((event) -> event.get("detail").asString())).anyMatch((detail) -> detail.contains("TAKEOFF"))
			.anyMatch((detail) -> detail.contains("landed"));
		assertThat(json(get("/api/flights/" + id, null)).get("id").asString()).isEqualTo(id);
	}

	@Test
	void unknownAndMalformedIdsAreAnsweredClearly() throws Exception {
		HttpResponse<String> unknown = send("GET", "/api/flights/3f2b8c1e-0d4a-4c53-9a57-7e1f0b6d2c90", null, null);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(json(unknown.body()).get("detail").asString()).contains("no flight with id");

		HttpResponse<String> malformed = send("GET", "/api/flights/not-a-uuid", null, null);
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(json(malformed.body()).get("detail").asString()).contains("UUID").contains("not-a-uuid");

		HttpResponse<String> badSize = send("GET", "/api/flights?size=0", null, null);
		assertThat(badSize.statusCode()).isEqualTo(400);
		assertThat(json(badSize.body()).get("detail").asString()).contains("size must be between 1 and 100");
	}

	@Test
	void onlyAnAdminDeletesAFlight() throws Exception {
		StompTestClient pilot = this.hub.connect("bob");
		BlockingQueue<JsonNode> replies = pilot.subscribeReplies();
		pilot.request(replies, "/app/control", "{\"droneId\":\"d3\",\"action\":\"ACQUIRE\",\"commandId\":\"a\"}", "a");
		pilot.request(replies, "/app/command", "{\"droneId\":\"d3\",\"type\":\"ARM\",\"commandId\":\"b\"}", "b");
		this.hub.advance(2);
		pilot.request(replies, "/app/command", "{\"droneId\":\"d3\",\"type\":\"DISARM\",\"commandId\":\"c\"}", "c");
		this.hub.advance(2);
		String id = await().atMost(StompTestClient.TIMEOUT)
			.until(() -> json(get("/api/flights?drone=d3&pilot=bob", null)).at("/content/0/id"),
					(found) -> !found.isMissingNode())
			.asString();

		assertThat(send("DELETE", "/api/flights/" + id, null, null).statusCode()).isEqualTo(401);
		assertThat(send("DELETE", "/api/flights/" + id, "bob", null).statusCode()).isEqualTo(403);
		assertThat(send("DELETE", "/api/flights/" + id, "admin", null).statusCode()).isEqualTo(204);
		assertThat(send("GET", "/api/flights/" + id, null, null).statusCode()).isEqualTo(404);
	}

	/** The states from the first armed one to the first disarmed one after it. */
	private static List<JsonNode> flightOf(List<JsonNode> states) {
		List<JsonNode> flight = new ArrayList<>();
		for (JsonNode state : states) {
			if (state.get("armed").asBoolean() || !flight.isEmpty()) {
				flight.add(state);
				if (!state.get("armed").asBoolean()) {
					break;
				}
			}
		}
		assertThat(flight).hasSizeGreaterThan(20);
		return flight;
	}

	private String get(String path, @Nullable String accept) throws Exception {
		HttpResponse<String> response = send("GET", path, null, accept);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> send(String method, String path, @Nullable String user, @Nullable String accept)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + user + "-secret").getBytes(StandardCharsets.UTF_8)));
		}
		if (accept != null) {
			request.header("Accept", accept);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode json(String body) {
		return this.json.readTree(body);
	}

}
