package io.dronehub;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.dronehub.flight.DroneState;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.outbound.SessionWriters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.test.context.ActiveProfiles;

import static io.dronehub.HubHarness.assertNoGapsPerDrone;
import static io.dronehub.HubHarness.receiveUntil;
import static io.dronehub.StompTestClient.drain;
import static io.dronehub.StompTestClient.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The hub over real STOMP: a pilot flies while spectators watch. The simulation is
 * stepped by the test ({@code hub.simulation.clock=manual}), so every outcome is
 * deterministic. Each test flies its own drone, as they share one application.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.fleet.size=5" })
@ActiveProfiles("it")
class FleetStompIntegrationTests {

	private final HubHarness hub;

	private final SimulationLoop simulation;

	private final SimpUserRegistry users;

	FleetStompIntegrationTests(@LocalServerPort int port, @Autowired SimulationLoop simulation,
			@Autowired SessionWriters<?> writers, @Autowired SimpUserRegistry users) {
		this.hub = new HubHarness(port, simulation, writers);
		this.simulation = simulation;
		this.users = users;
	}

	@AfterEach
	void disconnect() {
		this.hub.close();
	}

	@Test
	void spectatorsSeeAPilotTakeOffInOrderWithoutGaps() throws Exception {
		StompTestClient pilot = connect("alice");
		List<BlockingQueue<JsonNode>> spectators = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			spectators.add(connect().subscribe("/topic/telemetry"));
		}
		this.hub.awaitTelemetry(spectators);
		BlockingQueue<JsonNode> replies = pilot.subscribeReplies();

		assertAccepted(pilot.request(replies, "/app/control",
				"{\"droneId\":\"d1\",\"action\":\"ACQUIRE\",\"commandId\":\"c-1\"}", "c-1"));
		assertAccepted(pilot.request(replies, "/app/command",
				"{\"droneId\":\"d1\",\"type\":\"ARM\",\"commandId\":\"c-2\"}", "c-2"));
		assertAccepted(pilot.request(replies, "/app/command",
				"{\"droneId\":\"d1\",\"type\":\"TAKEOFF\",\"altitude\":10,\"commandId\":\"c-3\"}", "c-3"));
		advance(150);
		long lastSeq = latest("d1").seq();

		for (BlockingQueue<JsonNode> spectator : spectators) {
			List<JsonNode> received = receiveUntil(spectator, "d1", lastSeq);
			assertNoGapsPerDrone(received);
			List<JsonNode> d1 = received.stream()
				.filter((state) -> state.get("droneId").asString().equals("d1"))
				.toList();
			double maxAltitude = d1.stream()
				.mapToDouble((state) -> state.get("position").get("alt").asDouble())
				.max()
				.orElseThrow();
			assertThat(maxAltitude).isCloseTo(10, within(0.5));
			JsonNode last = d1.get(d1.size() - 1);
			assertThat(last.get("mode").asString()).isEqualTo("HOLD");
			assertThat(last.get("armed").asBoolean()).isTrue();
			assertThat(last.get("pilot").asString()).isEqualTo("alice");
			assertThat(last.get("position").get("alt").asDouble()).isCloseTo(10, within(0.5));
		}
	}

	@Test
	void oneDroneTopicCarriesOnlyThatDrone() throws Exception {
		StompTestClient spectator = connect();
		BlockingQueue<JsonNode> d2 = spectator.subscribe("/topic/drones/d2/telemetry");
		this.hub.awaitTelemetry(List.of(d2));
		advance(5);
		List<JsonNode> received = receiveUntil(d2, "d2", latest("d2").seq());
		assertThat(received).isNotEmpty()
			.allSatisfy((state) -> assertThat(state.get("droneId").asString()).isEqualTo("d2"));
		assertNoGapsPerDrone(received);
	}

	@Test
	void aSecondPilotIsRejectedAndOnlyThatPilotIsTold() throws Exception {
		StompTestClient alice = connect("alice");
		StompTestClient bob = connect("bob");
		BlockingQueue<JsonNode> events = connect().subscribe("/topic/events");
		BlockingQueue<JsonNode> aliceReplies = alice.subscribeReplies();
		BlockingQueue<JsonNode> bobReplies = bob.subscribeReplies();

		assertAccepted(alice.request(aliceReplies, "/app/control",
				"{\"droneId\":\"d3\",\"action\":\"ACQUIRE\",\"commandId\":\"a-1\"}", "a-1"));
		JsonNode takeover = bob.request(bobReplies, "/app/control",
				"{\"droneId\":\"d3\",\"action\":\"ACQUIRE\",\"commandId\":\"b-1\"}", "b-1");
		assertThat(takeover.get("status").asString()).isEqualTo("REJECTED");
		assertThat(takeover.get("code").asString()).isEqualTo("CONTROLLED_BY_OTHER");
		assertThat(takeover.get("reason").asString()).contains(alice.user());
		JsonNode arm = bob.request(bobReplies, "/app/command",
				"{\"droneId\":\"d3\",\"type\":\"ARM\",\"commandId\":\"b-2\"}", "b-2");
		assertThat(arm.get("status").asString()).isEqualTo("REJECTED");
		assertThat(arm.get("code").asString()).isEqualTo("NOT_IN_CONTROL");
		assertThat(arm.get("droneId").asString()).isEqualTo("d3");

		// replies to one session are delivered in order: had bob's reached alice, they
		// would come first
		JsonNode own = alice.request(aliceReplies, "/app/command",
				"{\"droneId\":\"d3\",\"type\":\"HOLD\",\"commandId\":\"a-2\"}", "a-2");
		assertThat(own.get("code").asString()).isEqualTo("COMMAND_DENIED");
		assertThat(drain(aliceReplies)).isEmpty();
		advance(1);
		assertThat(latest("d3").mode().name()).isEqualTo("DISARMED");
		assertThat(latest("d3").pilot()).isEqualTo(alice.user());
		await().atMost(StompTestClient.TIMEOUT).untilAsserted(() -> assertThat(events).anySatisfy((event) -> {
			assertThat(event.get("type").asString()).isEqualTo("COMMAND_REJECTED");
			assertThat(event.get("pilot").asString()).isEqualTo(bob.user());
		}));
	}

	@Test
	void aLateJoinerGetsTheWholeFleetAtOnce() throws Exception {
		JsonNode fleet = next(connect().subscribe("/app/fleet"));
		assertThat(fleet.isArray()).isTrue();
		List<String> ids = new ArrayList<>();
		fleet.forEach((state) -> ids.add(state.get("droneId").asString()));
		assertThat(ids).containsExactly("d1", "d2", "d3", "d4", "d5");
		JsonNode first = fleet.get(0);
		assertThat(first.propertyNames()).containsExactly("droneId", "seq", "timestamp", "mode", "armed", "position",
				"velocity", "groundSpeed", "heading", "battery", "home", "pilot", "failsafe");
	}

	@Test
	void aLateObserverGetsTheRecentEventsOldestFirst() throws Exception {
		StompTestClient pilot = connect("alice");
		BlockingQueue<JsonNode> replies = pilot.subscribeReplies();
		assertAccepted(pilot.request(replies, "/app/control",
				"{\"droneId\":\"d4\",\"action\":\"ACQUIRE\",\"commandId\":\"r-1\"}", "r-1"));
		assertAccepted(pilot.request(replies, "/app/command",
				"{\"droneId\":\"d4\",\"type\":\"ARM\",\"commandId\":\"r-2\"}", "r-2"));
		assertAccepted(pilot.request(replies, "/app/command",
				"{\"droneId\":\"d4\",\"type\":\"DISARM\",\"commandId\":\"r-3\"}", "r-3"));
		assertAccepted(pilot.request(replies, "/app/control",
				"{\"droneId\":\"d4\",\"action\":\"RELEASE\",\"commandId\":\"r-4\"}", "r-4"));

		StompTestClient observer = connect("watcher");
		JsonNode recent = next(observer.subscribe("/app/events"));
		assertThat(recent.isArray()).isTrue();
		List<JsonNode> events = new ArrayList<>();
		recent.forEach(events::add);
		assertThat(events).extracting((event) -> event.get("timestamp").asLong()).isSorted();
		assertThat(events).filteredOn((event) -> event.get("droneId").asString().equals("d4"))
			.extracting((event) -> event.get("type").asString() + " " + event.get("detail").asString())
			.containsExactly("CONTROL_ACQUIRED alice took control", "MODE_CHANGED DISARMED → ARMED: armed",
					"MODE_CHANGED ARMED → DISARMED: disarmed", "CONTROL_RELEASED alice released control");
		assertThat(events.get(0).propertyNames()).containsExactly("type", "droneId", "pilot", "timestamp", "detail");
	}

	@Test
	void framesThatCannotBeUnderstoodGetAnErrorAndTheSessionStaysOpen() throws Exception {
		StompTestClient client = connect("alice");
		BlockingQueue<JsonNode> errors = client.subscribeErrors();
		BlockingQueue<JsonNode> replies = client.subscribeReplies();

		client.send("/app/command", "{\"droneId\": \"d4\", \"type\": ");
		assertThat(next(errors).get("error").asString()).isEqualTo("INVALID_JSON");
		client.send("/app/command", "{\"droneId\":\"d4\",\"type\":\"FLY\"}");
		JsonNode unknown = next(errors);
		assertThat(unknown.get("error").asString()).isEqualTo("UNKNOWN_TYPE");
		assertThat(unknown.get("message").asString()).contains("FLY").contains("TAKEOFF");
		client.send("/app/command", "{\"droneId\":\"d4\",\"type\":\"TAKEOFF\"}");
		JsonNode missing = next(errors);
		assertThat(missing.get("error").asString()).isEqualTo("MISSING_FIELD");
		assertThat(missing.get("message").asString()).isEqualTo("altitude is required");
		client.send("/app/command", "{\"droneId\":\"d4\",\"type\":\"TAKEOFF\",\"altitude\":\"NaN\"}");
		JsonNode nan = next(errors);
		assertThat(nan.get("error").asString()).isEqualTo("INVALID_FIELD");
		assertThat(nan.get("message").asString()).isEqualTo("altitude must be a finite number");
		client.send("/app/command", "{\"droneId\":\"d4\",\"type\":\"TAKEOFF\",\"altitude\":\"high\"}");
		assertThat(next(errors).get("message").asString()).isEqualTo("altitude must be a number");
		client.send("/app/command",
				"{\"droneId\":\"d4\",\"type\":\"NUDGE\",\"direction\":\"SIDEWAYS\",\"distance\":1}");
		assertThat(next(errors).get("message").asString())
			.isEqualTo("direction must be one of [UP, DOWN, LEFT, RIGHT, FORWARD, BACK]");
		client.send("/app/command", "{\"type\":\"ARM\"}");
		assertThat(next(errors).get("message").asString()).isEqualTo("droneId is required");

		assertThat(client.isConnected()).isTrue();
		JsonNode reply = client.request(replies, "/app/command",
				"{\"droneId\":\"d9\",\"type\":\"ARM\",\"commandId\":\"still-here\"}", "still-here");
		assertThat(reply.get("code").asString()).isEqualTo("NO_SYSTEM");
		assertThat(drain(replies)).isEmpty();
	}

	@Test
	void aReplyToASessionThatClosedReachesNoOtherSessionOfTheSameUser() throws Exception {
		StompTestClient closing = connect("alice");
		StompTestClient staying = connect("alice");
		BlockingQueue<JsonNode> closingErrors = closing.subscribeErrors();
		BlockingQueue<JsonNode> stayingReplies = staying.subscribeReplies();
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Boolean> hold = this.simulation.submit((fleet) -> HubHarness.holdUntil(release));

		// a session's frames are handled in order: the error answered at once for the
		// second proves the first is waiting for the held simulation
		closing.send("/app/control", "{\"droneId\":\"none\",\"action\":\"RELEASE\",\"commandId\":\"gone-1\"}");
		closing.send("/app/command", "{not json");
		assertThat(next(closingErrors).get("error").asString()).isEqualTo("INVALID_JSON");
		closing.close();
		await().atMost(StompTestClient.TIMEOUT)
			.until(() -> this.users.getUser("alice") != null && this.users.getUser("alice").getSessions().size() == 1);
		release.countDown();
		assertThat(hold.get(StompTestClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

		// replies to one session are delivered in order: had the closed session's reply
		// reached this one, it would come first
		staying.request(stayingReplies, "/app/control",
				"{\"droneId\":\"none\",\"action\":\"RELEASE\",\"commandId\":\"stay-1\"}", "stay-1");
		assertThat(drain(stayingReplies)).isEmpty();
	}

	@Test
	void aPilotsDisconnectReleasesControlAndStartsTheLinkLossFailsafe() throws Exception {
		StompTestClient pilot = connect("bob");
		BlockingQueue<JsonNode> events = connect().subscribe("/topic/events");
		BlockingQueue<JsonNode> replies = pilot.subscribeReplies();
		assertAccepted(pilot.request(replies, "/app/control",
				"{\"droneId\":\"d5\",\"action\":\"ACQUIRE\",\"commandId\":\"p-1\"}", "p-1"));
		assertAccepted(pilot.request(replies, "/app/command",
				"{\"droneId\":\"d5\",\"type\":\"ARM\",\"commandId\":\"p-2\"}", "p-2"));
		assertAccepted(pilot.request(replies, "/app/command",
				"{\"droneId\":\"d5\",\"type\":\"TAKEOFF\",\"altitude\":5,\"commandId\":\"p-3\"}", "p-3"));
		advance(100);
		assertThat(latest("d5").mode().name()).isEqualTo("HOLD");

		pilot.close();
		await().atMost(StompTestClient.TIMEOUT).until(() -> {
			advance(1);
			return latest("d5").pilot() == null;
		});
		DroneState lost = latest("d5");
		assertThat(lost.mode().name()).isEqualTo("HOLD");
		assertThat(lost.failsafe()).hasToString("LINK_LOST");
		advance(50);
		assertThat(latest("d5").mode().name()).isEqualTo("RTL");
		assertThat(latest("d5").failsafe()).hasToString("LINK_LOST");
		await().atMost(StompTestClient.TIMEOUT)
			.untilAsserted(() -> assertThat(drainInto(events))
				.anySatisfy((event) -> assertThat(event.get("type").asString()).isEqualTo("CONTROL_RELEASED"))
				.anySatisfy((event) -> assertThat(event.get("detail").asString()).startsWith("LINK_LOST")));
	}

	private final List<JsonNode> seenEvents = new ArrayList<>();

	private List<JsonNode> drainInto(BlockingQueue<JsonNode> events) {
		this.seenEvents.addAll(drain(events));
		return this.seenEvents;
	}

	private StompTestClient connect() throws Exception {
		return this.hub.connect();
	}

	private StompTestClient connect(String user) throws Exception {
		return this.hub.connect(user);
	}

	private void advance(int ticks) throws Exception {
		this.hub.advance(ticks);
	}

	private DroneState latest(String droneId) {
		return this.hub.latest(droneId);
	}

	private static void assertAccepted(JsonNode reply) {
		assertThat(reply.get("status").asString()).as(reply.toString()).isEqualTo("ACCEPTED");
		assertThat(reply.get("code").isNull()).isTrue();
	}

}
