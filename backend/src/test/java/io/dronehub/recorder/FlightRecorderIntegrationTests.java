package io.dronehub.recorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import io.dronehub.HubHarness;
import io.dronehub.StompTestClient;
import io.dronehub.flight.FlightMode;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.outbound.SessionWriters;
import io.dronehub.recorder.mcap.OfficialMcapReader;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * A flight flown over STOMP while a spectator watches, then read back through the HTTP
 * API of the recorder, on the embedded database; its MCAP export is read by the official
 * MCAP reader.
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
		Flown flown = fly("d1");
		JsonNode flight = flown.flight();
		String id = flown.id();

		assertThat(flight.get("droneId").asString()).isEqualTo("d1");
		assertThat(flight.get("endReason").asString()).isEqualTo("DISARMED");
		assertThat(flight.get("pilots").valueStream().map(JsonNode::asString)).containsExactly("alice");
		assertThat(flight.get("frames").asLong()).isEqualTo(flown.states().size());
		assertThat(flight.get("startedAt").asLong()).isEqualTo(flown.states().get(0).get("timestamp").asLong());
		assertThat(flight.get("endedAt").asLong())
			.isEqualTo(flown.states().get(flown.states().size() - 1).get("timestamp").asLong());
		assertThat(flight.get("maxAltitude").asDouble()).isBetween(3.5, 4.5);
		assertThat(flight.get("distance").asDouble()).isBetween(7.0, 9.0);

		List<JsonNode> recorded = get("/api/flights/" + id + "/telemetry?format=ndjson", null).lines()
			.map(this::json)
			.toList();
		assertThat(recorded).as("every field of every state, as the spectator received it").isEqualTo(flown.states());

		List<String> csv = get("/api/flights/" + id + "/telemetry", "text/csv").lines().toList();
		assertThat(csv.get(0)).startsWith("droneId,seq,timestamp,mode,armed,position.lat");
		assertThat(csv.subList(1, csv.size())).extracting((row) -> Long.parseLong(row.split(",")[1]))
			.containsExactlyElementsOf(flown.states().stream().map((state) -> state.get("seq").asLong()).toList());
		assertThat(csv.get(1).split(",", -1)).hasSize(19);

		List<JsonNode> log = json(get("/api/flights/" + id + "/events", null)).valueStream().toList();
		assertThat(log).extracting((entry) -> entry.get("kind").asString() + " " + entry.get("type").asString())
			.as("the control request and the commands, in order among the events")
			.containsSubsequence("CONTROL ACQUIRE", "COMMAND ARM", "COMMAND TAKEOFF", "EVENT MODE_CHANGED",
					"COMMAND LAND", "EVENT COMMAND_REJECTED", "COMMAND LAND", "EVENT MODE_CHANGED");
		assertThat(log).filteredOn((entry) -> entry.get("kind").asString().equals("COMMAND"))
			.extracting((entry) -> entry.at("/reply/commandId").asString(),
					(entry) -> entry.at("/reply/status").asString(), (entry) -> entry.at("/request/type").asString(),
					(entry) -> entry.get("pilot").asString())
			.containsExactly(tuple("b", "ACCEPTED", "ARM", "alice"), tuple("c", "ACCEPTED", "TAKEOFF", "alice"),
					tuple("x", "REJECTED", "LAND", "bob"), tuple("d", "ACCEPTED", "LAND", "alice"));
		JsonNode refused = log.stream()
			.filter((entry) -> entry.at("/reply/commandId").asString("").equals("x"))
			.findFirst()
			.orElseThrow();
		assertThat(refused.at("/reply/code").asString()).isEqualTo("NOT_IN_CONTROL");
		assertThat(refused.get("detail").asString()).startsWith("LAND from bob: rejected (NOT_IN_CONTROL): ");
		assertThat(refused.at("/request/altitude").isMissingNode()).isTrue();
		assertThat(log).filteredOn((entry) -> entry.get("type").asString().equals("TAKEOFF"))
			.extracting((entry) -> entry.at("/request/altitude").asDouble())
			.containsExactly(4.0);
		assertThat(log).extracting((entry) -> entry.get("timestamp").asLong()).isSorted();
		assertThat(json(get("/api/flights/" + id, null)).get("id").asString()).isEqualTo(id);
	}

	@Test
	void aFlightExportedAsMcapHasEveryStateAndEventOnItsTopicsForTheOfficialReader() throws Exception {
		Flown flown = fly("d2");
		List<JsonNode> log = json(get("/api/flights/" + flown.id() + "/events", null)).valueStream().toList();
		List<JsonNode> events = log.stream()
			.filter((entry) -> entry.get("kind").asString().equals("EVENT"))
			.map(FlightRecorderIntegrationTests::asEvent)
			.toList();
		HttpResponse<byte[]> response = this.http.send(
				request("GET", "/api/flights/" + flown.id() + "/telemetry", null, "application/x-mcap").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-mcap");
		assertThat(response.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"d2-" + flown.id() + ".mcap\"");
		Path file = Path.of("target", "mcap", getClass().getSimpleName() + ".mcap");
		Files.createDirectories(file.getParent());
		Files.write(file, response.body());
		assertThat(send("GET", "/api/flights/" + flown.id() + "/telemetry?format=mcap", null, null).headers()
			.firstValue("Content-Type")).as("?format=mcap").hasValue("application/x-mcap");

		JsonNode read = OfficialMcapReader.read(file);
		JsonNode indexed = read.get("indexed");
		assertThat(indexed.at("/header/library").asString()).isEqualTo("drone-telemetry-hub");
		assertThat(indexed.get("schemas").valueStream().map((schema) -> schema.get("name").asString()))
			.containsExactly("dronehub.DroneState", "foxglove.LocationFix", "dronehub.FleetEvent", "foxglove.Log");
		assertThat(indexed.get("schemas").valueStream().map((schema) -> schema.get("encoding").asString()))
			.containsOnly("jsonschema");
		assertThat(indexed.get("channels").valueStream().map((channel) -> channel.get("topic").asString()))
			.containsExactly("/drones/d2/telemetry", "/drones/d2/location", "/events", "/log");
		assertThat(indexed.get("channels").valueStream().map((channel) -> channel.get("messageEncoding").asString()))
			.containsOnly("json");
		assertThat(indexed.get("messagesPerTopic").properties())
			.extracting(Map.Entry::getKey, (entry) -> entry.getValue().asInt())
			.containsExactly(tuple("/drones/d2/telemetry", flown.states().size()),
					tuple("/drones/d2/location", flown.states().size()), tuple("/events", events.size()),
					tuple("/log", log.size()));
		assertThat(events).isNotEmpty();

		List<JsonNode> messages = indexed.get("messages").valueStream().toList();
		assertThat(messages).extracting((message) -> Long.parseLong(message.get("logTime").asString()))
			.as("in log time order")
			.isSorted();
		assertThat(read.at("/streamed/messages").valueStream().map((message) -> message.get("logTime").asString()))
			.as("written in log time order, events among the states")
			.containsExactlyElementsOf(messages.stream().map((message) -> message.get("logTime").asString()).toList());
		assertThat(messagesOn("/drones/d2/telemetry", messages)).as("the wire JSON of every state")
			.containsExactlyElementsOf(flown.states());
		assertThat(messagesOn("/events", messages)).containsExactlyElementsOf(events);
		assertThat(messagesOn("/log", messages)).extracting((line) -> line.get("message").asString())
			.as("the whole log, commands too")
			.containsExactlyElementsOf(log.stream()
				.map((entry) -> entry.get("kind").asString().equals("EVENT")
						? entry.get("type").asString() + ": " + entry.get("detail").asString()
						: entry.get("detail").asString())
				.toList());
		JsonNode first = flown.states().get(0);
		JsonNode telemetry = messages.stream()
			.filter((message) -> message.get("topic").asString().equals("/drones/d2/telemetry"))
			.findFirst()
			.orElseThrow();
		assertThat(telemetry.get("sequence").asLong()).isEqualTo(first.get("seq").asLong());
		assertThat(telemetry.get("logTime").asString()).isEqualTo(first.get("timestamp").asLong() * 1_000_000 + "")
			.isEqualTo(telemetry.get("publishTime").asString());
		JsonNode fix = messagesOn("/drones/d2/location", messages).get(0);
		assertThat(fix.get("latitude").asDouble()).isEqualTo(first.at("/position/lat").asDouble());
		assertThat(fix.get("longitude").asDouble()).isEqualTo(first.at("/position/lon").asDouble());
		assertThat(fix.at("/timestamp/sec").asLong() * 1000 + fix.at("/timestamp/nsec").asLong() / 1_000_000)
			.isEqualTo(first.get("timestamp").asLong());
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

	/**
	 * Flies a drone from arming to landing while a spectator watches, and awaits its
	 * recorded flight.
	 */
	private Flown fly(String droneId) throws Exception {
		BlockingQueue<JsonNode> spectator = this.hub.connect().subscribe("/topic/drones/" + droneId + "/telemetry");
		this.hub.awaitTelemetry(List.of(spectator));
		StompTestClient pilot = this.hub.connect("alice");
		BlockingQueue<JsonNode> replies = pilot.subscribeReplies();
		pilot.request(replies, "/app/control",
				"{\"droneId\":\"" + droneId + "\",\"action\":\"ACQUIRE\",\"commandId\":\"a\"}", "a");
		pilot.request(replies, "/app/command", "{\"droneId\":\"" + droneId + "\",\"type\":\"ARM\",\"commandId\":\"b\"}",
				"b");
		pilot.request(replies, "/app/command",
				"{\"droneId\":\"" + droneId + "\",\"type\":\"TAKEOFF\",\"altitude\":4,\"commandId\":\"c\"}", "c");
		this.hub.advance(60);
		StompTestClient other = this.hub.connect("bob");
		other.request(other.subscribeReplies(), "/app/command",
				"{\"droneId\":\"" + droneId + "\",\"type\":\"LAND\",\"commandId\":\"x\"}", "x");
		pilot.request(replies, "/app/command",
				"{\"droneId\":\"" + droneId + "\",\"type\":\"LAND\",\"commandId\":\"d\"}", "d");
		while (this.hub.latest(droneId).mode() != FlightMode.DISARMED) {
			this.hub.advance(10);
		}
		this.hub.advance(2);

		List<JsonNode> watched = HubHarness.receiveUntil(spectator, droneId, this.hub.latest(droneId).seq());
		JsonNode flight = await().atMost(StompTestClient.TIMEOUT)
			.until(() -> json(get("/api/flights?drone=" + droneId, null)).at("/content/0"),
					(found) -> !found.isMissingNode() && found.get("endedAt").isNumber());
		return new Flown(flight.get("id").asString(), flight, flightOf(watched));
	}

	/** A log entry of kind EVENT as the event message it records. */
	private static JsonNode asEvent(JsonNode entry) {
		ObjectNode event = (ObjectNode) entry.deepCopy();
		event.remove(List.of("kind", "request", "reply"));
		return event;
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
		return this.http.send(request(method, path, user, accept).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String method, String path, @Nullable String user, @Nullable String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + user + "-secret").getBytes(StandardCharsets.UTF_8)));
		}
		if (accept != null) {
			request.header("Accept", accept);
		}
		return request;
	}

	private JsonNode json(String body) {
		return this.json.readTree(body);
	}

	private List<JsonNode> messagesOn(String topic, List<JsonNode> messages) {
		return messages.stream()
			.filter((message) -> message.get("topic").asString().equals(topic))
			.map((message) -> json(message.get("data").asString()))
			.toList();
	}

	/**
	 * A flight flown and recorded.
	 *
	 * @param id its id
	 * @param flight its summary, as the API lists it
	 * @param states every state the spectator saw from arming to disarming
	 */
	private record Flown(String id, JsonNode flight, List<JsonNode> states) {
	}

}
