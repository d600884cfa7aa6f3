package io.dronehub.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;

import io.dronehub.StompTestClient;
import io.dronehub.flight.FlightMode;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Flies drones over STOMP on a hub's {@link SteppedSimulation}, so that the recorder
 * keeps their flights, and reads the flights back through the recorder's HTTP API, as the
 * users of the {@code it} profile (password {@code <name>-secret}).
 */
final class RecordedFlights {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	private final SteppedSimulation simulation;

	RecordedFlights(int port, SteppedSimulation simulation) {
		this.port = port;
		this.simulation = simulation;
	}

	/**
	 * Flies a drone from arming to disarming: take-off to 6 m, a refused DISARM in the
	 * air, a hop forward, a landing.
	 * @param droneId the drone
	 * @param pilot who flies it
	 * @param forwardMeters how far forward it hops, 0 for no hop
	 * @return the recorded flight, as the API lists it
	 * @throws Exception if the hub does not do as asked
	 */
	JsonNode fly(String droneId, String pilot, int forwardMeters) throws Exception {
		String before = newestFlightId(droneId, pilot);
		try (StompTestClient client = StompTestClient.connect(this.port, pilot, pilot + "-secret")) {
			BlockingQueue<JsonNode> replies = client.subscribeReplies();
			accepted(client, replies, droneId, "/app/control", "\"action\":\"ACQUIRE\"");
			accepted(client, replies, droneId, "/app/command", "\"type\":\"ARM\"");
			accepted(client, replies, droneId, "/app/command", "\"type\":\"TAKEOFF\",\"altitude\":6");
			advanceUntil(droneId, FlightMode.HOLD);
			JsonNode refused = request(client, replies, droneId, "/app/command", "\"type\":\"DISARM\"");
			assertThat(refused.get("code").asString()).isEqualTo("COMMAND_DENIED_NOT_LANDED");
			if (forwardMeters > 0) {
				accepted(client, replies, droneId, "/app/command",
						"\"type\":\"NUDGE\",\"direction\":\"FORWARD\",\"distance\":" + forwardMeters);
				this.simulation.advance(forwardMeters * 3);
			}
			accepted(client, replies, droneId, "/app/command", "\"type\":\"LAND\"");
			advanceUntil(droneId, FlightMode.DISARMED);
			accepted(client, replies, droneId, "/app/control", "\"action\":\"RELEASE\"");
		}
		return awaitEndedFlight(droneId, pilot, before);
	}

	/**
	 * Flies the shortest flight: armed, then disarmed on the ground.
	 * @param droneId the drone
	 * @param pilot who flies it
	 * @throws Exception if the hub does not do as asked
	 */
	void hop(String droneId, String pilot) throws Exception {
		String before = newestFlightId(droneId, pilot);
		try (StompTestClient client = StompTestClient.connect(this.port, pilot, pilot + "-secret")) {
			BlockingQueue<JsonNode> replies = client.subscribeReplies();
			accepted(client, replies, droneId, "/app/control", "\"action\":\"ACQUIRE\"");
			accepted(client, replies, droneId, "/app/command", "\"type\":\"ARM\"");
			this.simulation.advance(2);
			accepted(client, replies, droneId, "/app/command", "\"type\":\"DISARM\"");
			this.simulation.advance(2);
		}
		awaitEndedFlight(droneId, pilot, before);
	}

	/**
	 * A recorded flight's every state, as its NDJSON export gives them.
	 * @param flightId the flight
	 * @return its states, in recorded order
	 * @throws Exception if the hub does not answer 200
	 */
	List<JsonNode> states(String flightId) throws Exception {
		return get("/api/flights/" + flightId + "/telemetry?format=ndjson").lines().map(this.json::readTree).toList();
	}

	/**
	 * A JSON answer of the hub's HTTP API, read as a guest.
	 * @param path the path and query
	 * @return the answer
	 * @throws Exception if the hub does not answer 200
	 */
	JsonNode api(String path) throws Exception {
		return this.json.readTree(get(path));
	}

	/**
	 * The body of a GET, read as a guest.
	 * @param path the path and query
	 * @return the body
	 * @throws Exception if the hub does not answer 200
	 */
	String get(String path) throws Exception {
		HttpResponse<String> response = send("GET", path, null);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	/**
	 * Sends a request without a body.
	 * @param method the HTTP method
	 * @param path the path and query
	 * @param user the user to send it as, or {@code null} for a guest
	 * @return the answer
	 * @throws Exception if the request cannot be sent
	 */
	HttpResponse<String> send(String method, String path, @Nullable String user) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + user + "-secret").getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The hub's URL of a path.
	 * @param path the path and query
	 * @return the URL
	 */
	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void advanceUntil(String droneId, FlightMode mode) throws Exception {
		for (int ticks = 0; this.simulation.latest(droneId).mode() != mode; ticks += 10) {
			assertThat(ticks).as(droneId + " in " + mode).isLessThan(3000);
			this.simulation.advance(10);
		}
	}

	/** Waits for the flight newer than {@code before} to be recorded as ended. */
	private JsonNode awaitEndedFlight(String droneId, String pilot, String before) {
		return await().atMost(StompTestClient.TIMEOUT)
			.until(() -> newestFlight(droneId, pilot), (found) -> !found.isMissingNode()
					&& found.get("endedAt").isNumber() && !found.get("id").asString().equals(before));
	}

	private String newestFlightId(String droneId, String pilot) throws Exception {
		return newestFlight(droneId, pilot).path("id").asString("");
	}

	private JsonNode newestFlight(String droneId, String pilot) throws Exception {
		return api("/api/flights?drone=" + droneId + "&pilot=" + pilot + "&size=1").at("/content/0");
	}

	private static void accepted(StompTestClient client, BlockingQueue<JsonNode> replies, String droneId,
			String destination, String fields) throws InterruptedException {
		JsonNode reply = request(client, replies, droneId, destination, fields);
		assertThat(reply.get("status").asString()).as(reply.toString()).isEqualTo("ACCEPTED");
	}

	private static JsonNode request(StompTestClient client, BlockingQueue<JsonNode> replies, String droneId,
			String destination, String fields) throws InterruptedException {
		String commandId = "c-" + System.nanoTime();
		return client.request(replies, destination,
				"{\"droneId\":\"" + droneId + "\"," + fields + ",\"commandId\":\"" + commandId + "\"}", commandId);
	}

}
