package io.dronehub.replay;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import io.dronehub.HubHarness;
import io.dronehub.SteppingClock;
import io.dronehub.StompTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Records flights on a hub with a manual simulation and a {@link SteppingClock}: drones
 * armed on the ground for some ticks, each tick 100 ms after the one before on the hub's
 * clock, then disarmed, and read back through the recorder's HTTP API.
 */
final class FlightRecordings {

	private static final Duration TICK = Duration.ofMillis(100);

	private final HubHarness hub;

	private final SteppingClock clock;

	private final int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private int requests;

	FlightRecordings(HubHarness hub, SteppingClock clock, int port) {
		this.hub = hub;
		this.clock = clock;
		this.port = port;
	}

	/**
	 * Records one flight of each drone, all at once.
	 * @param armedTicks how many ticks the drones stay armed
	 * @param drones the drones
	 * @return each drone's flight, of {@code armedTicks + 1} states
	 * @throws Exception if the hub does not do as asked
	 */
	Map<String, RecordedFlight> record(int armedTicks, String... drones) throws Exception {
		Map<String, String> before = new LinkedHashMap<>();
		for (String drone : drones) {
			before.put(drone, newestFlight(drone).path("id").asString(""));
		}
		StompTestClient pilot = this.hub.connect("alice");
		BlockingQueue<JsonNode> replies = pilot.subscribeReplies();
		sendAll(pilot, replies, drones, "/app/control", "\"action\":\"ACQUIRE\"");
		sendAll(pilot, replies, drones, "/app/command", "\"type\":\"ARM\"");
		tick(armedTicks);
		sendAll(pilot, replies, drones, "/app/command", "\"type\":\"DISARM\"");
		tick(2);
		sendAll(pilot, replies, drones, "/app/control", "\"action\":\"RELEASE\"");
		Map<String, RecordedFlight> recorded = new LinkedHashMap<>();
		for (String drone : drones) {
			JsonNode flight = await().atMost(StompTestClient.TIMEOUT)
				.until(() -> newestFlight(drone), (newest) -> newest.path("endedAt").isNumber()
						&& !newest.get("id").asString().equals(before.get(drone)));
			String id = flight.get("id").asString();
			List<JsonNode> states = get("/api/flights/" + id + "/telemetry").lines().map(this.json::readTree).toList();
			assertThat(states).hasSize(armedTicks + 1);
			recorded.put(drone, new RecordedFlight(id, states));
		}
		return recorded;
	}

	private void sendAll(StompTestClient pilot, BlockingQueue<JsonNode> replies, String[] drones, String destination,
			String fields) throws InterruptedException {
		for (String drone : drones) {
			String commandId = "record-" + (++this.requests);
			JsonNode reply = pilot.request(replies, destination,
					"{\"droneId\":\"" + drone + "\"," + fields + ",\"commandId\":\"" + commandId + "\"}", commandId);
			assertThat(reply.get("status").asString()).as(fields).isEqualTo("ACCEPTED");
		}
	}

	private void tick(int ticks) throws Exception {
		for (int i = 0; i < ticks; i++) {
			this.clock.advance(TICK);
			this.hub.advance(1);
		}
	}

	private JsonNode newestFlight(String drone) throws Exception {
		return this.json.readTree(get("/api/flights?drone=" + drone + "&size=1")).at("/content/0");
	}

	private String get(String path) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

}
