package io.dronehub.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.dronehub.HubHarness;
import io.dronehub.StompTestClient;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.GeoPoint;
import io.dronehub.flight.MissionState;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.outbound.SessionWriters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import static io.dronehub.StompTestClient.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Missions over real STOMP: a pilot uploads one to {@code /app/mission} and sees the
 * first waypoint refused named, starts it from the ground, and everyone watching sees its
 * progress in telemetry and events; pausing, the pilot's control and the role are
 * enforced; a mission of 100 waypoints, larger than one WebSocket message, arrives as a
 * STOMP frame in several. The simulation is stepped by the test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.fleet.size=4" })
@ActiveProfiles("it")
class MissionIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HubHarness hub;

	private final int port;

	MissionIntegrationTests(@LocalServerPort int port, @Autowired SimulationLoop simulation,
			@Autowired SessionWriters<?> writers) {
		this.port = port;
		this.hub = new HubHarness(port, simulation, writers);
	}

	@AfterEach
	void disconnect() {
		this.hub.close();
	}

	@Test
	void aPilotUploadsAMissionStartsItFromTheGroundAndEveryoneSeesItsProgress() throws Exception {
		StompTestClient alice = this.hub.connect("alice");
		BlockingQueue<JsonNode> replies = alice.subscribeReplies();
		StompTestClient spectator = this.hub.connect();
		BlockingQueue<JsonNode> telemetry = spectator.subscribe("/topic/drones/d1/telemetry");
		BlockingQueue<JsonNode> events = spectator.subscribe("/topic/events");
		this.hub.awaitTelemetry(List.of(telemetry));
		accepted(alice.request(replies, "/app/control",
				"{\"droneId\":\"d1\",\"action\":\"ACQUIRE\",\"commandId\":\"a\"}", "a"));
		GeoPoint home = this.hub.latest("d1").home();

		JsonNode refused = alice.request(replies, "/app/mission", upload("far", home, "[[20,0,15],[0,900,15]]"), "far");
		assertThat(refused.get("status").asString()).isEqualTo("REJECTED");
		assertThat(refused.get("code").asString()).isEqualTo("GEOFENCE");
		assertThat(refused.get("item").asInt()).isEqualTo(1);
		assertThat(refused.get("reason").asString()).startsWith("items[1]: the waypoint is 900 m from home");

		JsonNode uploaded = alice.request(replies, "/app/mission",
				upload("square", home, "[[20,0,15],[20,20,15],[0,20,15],[0,0,15]]"), "square");
		accepted(uploaded);
		assertThat(uploaded.has("item")).as("left out when no item is refused").isFalse();
		this.hub.advance(1);
		JsonNode ready = this.hub.newest(telemetry, "d1");
		assertThat(ready.get("mission").toString())
			.isEqualTo("{\"missionId\":\"square\",\"current\":0,\"total\":4,\"state\":\"READY\"}");

		accepted(alice.request(replies, "/app/mission", "{\"droneId\":\"d1\",\"action\":\"START\",\"commandId\":\"s\"}",
				"s"));
		DroneState second = tickUntil((state) -> state.mission() != null && state.mission().current() == 1);
		assertThat(second.mode().name()).isEqualTo("MISSION");
		assertThat(this.hub.newest(telemetry, "d1").get("mission").get("current").asInt()).isEqualTo(1);

		accepted(alice.request(replies, "/app/mission", "{\"droneId\":\"d1\",\"action\":\"PAUSE\",\"commandId\":\"p\"}",
				"p"));
		this.hub.advance(1);
		JsonNode paused = this.hub.newest(telemetry, "d1");
		assertThat(paused.get("mode").asString()).isEqualTo("HOLD");
		assertThat(paused.get("mission").get("state").asString()).isEqualTo(MissionState.PAUSED.name());
		accepted(alice.request(replies, "/app/mission",
				"{\"droneId\":\"d1\",\"action\":\"RESUME\",\"commandId\":\"r\"}", "r"));
		tickUntil((state) -> state.mission() != null && state.mission().state() == MissionState.FINISHED);

		List<String> types = HubHarness.eventTypes(events, "d1", "MISSION_FINISHED");
		assertThat(types).containsSubsequence("MISSION_UPLOADED", "MISSION_STARTED", "MISSION_ITEM_REACHED",
				"MISSION_PAUSED", "MISSION_RESUMED", "MISSION_ITEM_REACHED", "MISSION_FINISHED");
	}

	@Test
	void onlyThePilotInControlMayFlyAMissionAndAnObserverMayNotSendOne() throws Exception {
		StompTestClient alice = this.hub.connect("alice");
		BlockingQueue<JsonNode> aliceReplies = alice.subscribeReplies();
		accepted(alice.request(aliceReplies, "/app/control",
				"{\"droneId\":\"d2\",\"action\":\"ACQUIRE\",\"commandId\":\"a\"}", "a"));
		StompTestClient bob = this.hub.connect("bob");
		BlockingQueue<JsonNode> bobReplies = bob.subscribeReplies();
		JsonNode notHis = bob.request(bobReplies, "/app/mission",
				upload("m", this.hub.latest("d2").home(), "[[10,0,10]]").replace("\"d1\"", "\"d2\""), "m");
		assertThat(notHis.get("code").asString()).isEqualTo("NOT_IN_CONTROL");

		StompTestClient observer = this.hub.connect();
		BlockingQueue<JsonNode> errors = observer.subscribeErrors();
		observer.send("/app/mission", "{\"droneId\":\"d2\",\"action\":\"START\"}");
		assertThat(next(errors).get("error").asString()).isEqualTo("FORBIDDEN");

		BlockingQueue<JsonNode> aliceErrors = alice.subscribeErrors();
		alice.send("/app/mission", "{\"droneId\":\"d2\",\"missionId\":\"m\",\"items\":[]}");
		assertThat(next(aliceErrors).get("message").asString()).isEqualTo("items must hold 1 to 100 waypoints, had 0");
		alice.send("/app/mission", "{\"droneId\":\"d2\",\"items\":[{\"lat\":1,\"lon\":2,\"altitude\":3}]}");
		assertThat(next(aliceErrors).get("message").asString()).isEqualTo("missionId is required");
		alice.send("/app/mission", "{\"droneId\":\"d2\",\"action\":\"JUMP\"}");
		assertThat(next(aliceErrors).get("error").asString()).isEqualTo("INVALID_FIELD");
	}

	@Test
	void aMissionOfAHundredWaypointsArrivesInSeveralWebSocketMessages() throws Exception {
		GeoPoint home = this.hub.latest("d3").home();
		StringBuilder points = new StringBuilder("[");
		for (int i = 0; i < 100; i++) {
			points.append((i > 0) ? "," : "").append("[").append(i).append(",").append(i % 7).append(",12.5]");
		}
		String body = upload("long", home, points.append("]").toString()).replace("\"d1\"", "\"d3\"");
		assertThat(body.length()).as("more than one 4 KB WebSocket message").isGreaterThan(4096);
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		WebSocketSession socket = new StandardWebSocketClient().execute(new TextWebSocketHandler() {

			@Override
			protected void handleTextMessage(WebSocketSession session, TextMessage message) {
				received.add(message.getPayload());
			}

		}, "ws://localhost:" + this.port + "/ws").get(StompTestClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		try {
			socket.sendMessage(
					new TextMessage("CONNECT\naccept-version:1.2\nhost:hub\nlogin:alice\npasscode:alice-secret\n\n\0"));
			socket.sendMessage(new TextMessage("SUBSCRIBE\nid:0\ndestination:/user/queue/replies\n\n\0"));
			socket.sendMessage(new TextMessage(
					"SEND\ndestination:/app/control\n\n{\"droneId\":\"d3\",\"action\":\"ACQUIRE\",\"commandId\":\"a\"}\0"));
			accepted(await().atMost(StompTestClient.TIMEOUT)
				.until(() -> replyTo(received, "a"), (found) -> found != null));
			String frame = "SEND\ndestination:/app/mission\ncontent-type:application/json\n\n" + body + "\0";
			for (int start = 0; start < frame.length(); start += 4000) {
				socket.sendMessage(new TextMessage(frame.substring(start, Math.min(frame.length(), start + 4000))));
			}
			JsonNode reply = await().atMost(StompTestClient.TIMEOUT)
				.until(() -> replyTo(received, "long"), (found) -> found != null);
			accepted(reply);
			this.hub.advance(1);
			assertThat(this.hub.latest("d3").mission().total()).isEqualTo(100);
		}
		finally {
			socket.close();
		}
	}

	/** An upload of waypoints given as [north m, east m, altitude m] from home. */
	private static String upload(String missionId, GeoPoint home, String points) {
		JsonNode offsets = json.readTree(points);
		List<String> items = new ArrayList<>();
		double metersPerDegree = Math.toRadians(1) * 6_371_000;
		for (JsonNode offset : offsets) {
			double lat = home.lat() + offset.get(0).asDouble() / metersPerDegree;
			double lon = home.lon()
					+ offset.get(1).asDouble() / (metersPerDegree * Math.cos(Math.toRadians(home.lat())));
			items.add(String.format(Locale.ROOT, "{\"lat\":%.7f,\"lon\":%.7f,\"altitude\":%s}", lat, lon,
					offset.get(2).asDouble()));
		}
		return "{\"droneId\":\"d1\",\"missionId\":\"" + missionId + "\",\"items\":[" + String.join(",", items)
				+ "],\"finish\":\"HOLD\",\"commandId\":\"" + missionId + "\"}";
	}

	private static JsonNode replyTo(BlockingQueue<String> frames, String commandId) {
		for (String frame : frames) {
			if (frame.startsWith("MESSAGE")) {
				JsonNode body = json.readTree(frame.substring(frame.indexOf("\n\n") + 2, frame.lastIndexOf('\0')));
				if (commandId.equals(body.path("commandId").asString())) {
					return body;
				}
			}
		}
		return null;
	}

	private DroneState tickUntil(java.util.function.Predicate<DroneState> condition) throws Exception {
		for (int i = 0; i < 1200; i++) {
			this.hub.advance(1);
			DroneState state = this.hub.latest("d1");
			if (condition.test(state)) {
				return state;
			}
		}
		throw new AssertionError("d1 never got there: " + this.hub.latest("d1"));
	}

	private static void accepted(JsonNode reply) {
		assertThat(reply.get("status").asString()).as(reply.toString()).isEqualTo("ACCEPTED");
	}

}
