package io.dronehub.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import io.dronehub.HubApplication;
import io.dronehub.HubHarness;
import io.dronehub.StompTestClient;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.Fleet;
import io.dronehub.flight.FlightMode;
import io.dronehub.flight.GeoPoint;
import io.dronehub.flight.MissionState;
import io.dronehub.flight.SimulationLoop;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.user.SimpUserRegistry;

import static io.dronehub.HubHarness.assertNoGapsPerDrone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two hub nodes in this JVM, joined by a STOMP broker and sharing an in-memory H2
 * database for their drone leases and recorded flights, each with a manual simulation
 * clock: every drone is simulated by exactly one node, spectators on both nodes see every
 * drone with the same {@code seq}s and no gap, a pilot on one node flies a drone of the
 * other, and a node that stops hands its drones over, their flights carrying on. Run
 * against each broker by a subclass.
 */
abstract class ClusterIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Set<String> FLEET = Set.of("d1", "d2", "d3", "d4");

	private static final HttpClient http = HttpClient.newHttpClient();

	private final List<StompTestClient> clients = new ArrayList<>();

	private String database;

	Node a;

	Node b;

	/**
	 * The broker's STOMP port on 127.0.0.1.
	 * @return the port
	 */
	abstract int brokerPort();

	@BeforeEach
	void startNodes() {
		this.database = "jdbc:h2:mem:cluster-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		this.a = start("a");
		this.b = start("b");
	}

	@AfterEach
	void stopNodes() {
		this.clients.forEach(StompTestClient::close);
		this.a.close();
		this.b.close();
	}

	@Test
	void everyDroneIsSimulatedByExactlyOneNodeAndEveryNodeSaysWhich() throws Exception {
		awaitSpread();
		for (Node node : List.of(this.a, this.b)) {
			JsonNode cluster = get(node, "/api/cluster");
			assertThat(cluster.get("nodes")).hasSize(2);
			Set<String> drones = new HashSet<>();
			cluster.get("nodes").forEach((member) -> {
				assertThat(member.get("alive").asBoolean()).isTrue();
				member.get("drones").forEach((drone) -> assertThat(drones.add(drone.asString())).isTrue());
			});
			assertThat(drones).isEqualTo(FLEET);
		}
		assertThat(this.a.simulatedIds()).doesNotContainAnyElementsOf(this.b.simulatedIds());
	}

	@Test
	void spectatorsOnBothNodesSeeTheWholeFleetWithTheSameSeqsAndNoGap() throws Exception {
		awaitSpread();
		BlockingQueue<JsonNode> onA = connect(this.a).subscribe("/topic/telemetry");
		BlockingQueue<JsonNode> onB = connect(this.b).subscribe("/topic/telemetry");
		List<JsonNode> seenOnA = new ArrayList<>();
		List<JsonNode> seenOnB = new ArrayList<>();
		awaitEveryDrone(List.of(onA, onB), List.of(seenOnA, seenOnB));
		seenOnA.clear();
		seenOnB.clear();

		for (int i = 0; i < 20; i++) {
			awaitEveryDrone(List.of(onA, onB), List.of(seenOnA, seenOnB));
		}

		assertNoGapsPerDrone(seenOnA);
		assertNoGapsPerDrone(seenOnB);
		assertThat(seqsByDrone(seenOnA)).isEqualTo(seqsByDrone(seenOnB)).containsOnlyKeys(FLEET);
		for (Node node : List.of(this.a, this.b)) {
			assertThat(get(node, "/api/drones")).extracting((state) -> state.get("droneId").asString())
				.containsExactly("d1", "d2", "d3", "d4");
			JsonNode fleet = StompTestClient.next(connect(node).subscribe("/app/fleet"));
			assertThat(fleet).hasSize(4);
		}
	}

	@Test
	void aFoxgloveClientOnOneNodeSeesTheDronesTheOtherSimulates() throws Exception {
		awaitSpread();
		String remote = this.b.simulatedIds().get(0);
		List<String> texts = new CopyOnWriteArrayList<>();
		List<String> payloads = new CopyOnWriteArrayList<>();
		WebSocket foxglove = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.subprotocols("foxglove.websocket.v1")
			.buildAsync(URI.create("ws://localhost:" + this.a.port() + "/foxglove"), new WebSocket.Listener() {
				private final StringBuilder text = new StringBuilder();

				@Override
				public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
					this.text.append(data);
					if (last) {
						texts.add(this.text.toString());
						this.text.setLength(0);
					}
					socket.request(1);
					return null;
				}

				@Override
				public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
					if (data.get(0) == 1) {
						data.position(13);
						payloads.add(StandardCharsets.UTF_8.decode(data).toString());
					}
					socket.request(1);
					return null;
				}
			})
			.get(10, TimeUnit.SECONDS);
		String topic = "\"topic\":\"/drones/" + remote + "/telemetry\"";
		await().atMost(StompTestClient.TIMEOUT).until(() -> {
			this.a.advance();
			this.b.advance();
			return texts.stream().anyMatch((text) -> text.contains(topic));
		});
		JsonNode channel = texts.stream()
			.filter((text) -> text.contains(topic))
			.map(json::readTree)
			.flatMap((advertise) -> advertise.get("channels").valueStream())
			.filter((candidate) -> candidate.get("topic").asString().equals("/drones/" + remote + "/telemetry"))
			.findFirst()
			.orElseThrow();
		foxglove
			.sendText("{\"op\":\"subscribe\",\"subscriptions\":[{\"id\":1,\"channelId\":" + channel.get("id").asInt()
					+ "}]}", true)
			.join();
		await().atMost(StompTestClient.TIMEOUT).until(() -> {
			this.a.advance();
			this.b.advance();
			return payloads.stream().anyMatch((payload) -> payload.contains("\"droneId\":\"" + remote + "\""));
		});
		foxglove.abort();
	}

	@Test
	void aPilotOnOneNodeFliesADroneTheOtherSimulatesAndHoldsItsControlAcrossTheCluster() throws Exception {
		awaitSpread();
		String drone = this.b.simulatedIds().get(0);
		StompTestClient alice = connect(this.a, "alice");
		StompTestClient bob = connect(this.b, "bob");
		BlockingQueue<JsonNode> aliceReplies = alice.subscribeReplies();
		BlockingQueue<JsonNode> bobReplies = bob.subscribeReplies();
		BlockingQueue<JsonNode> onA = connect(this.a).subscribe("/topic/drones/" + drone + "/telemetry");
		BlockingQueue<JsonNode> events = connect(this.a).subscribe("/topic/events");
		List<JsonNode> seenOnA = new ArrayList<>();
		awaitEveryDrone(List.of(onA), List.of(seenOnA), Set.of(drone));
		seenOnA.clear();

		alice.takeOff(aliceReplies, drone, 10);
		JsonNode refused = bob.request(bobReplies, "/app/control",
				"{\"droneId\":\"" + drone + "\",\"action\":\"ACQUIRE\",\"commandId\":\"b-1\"}", "b-1");
		assertThat(refused.get("code").asString()).isEqualTo("CONTROLLED_BY_OTHER");
		assertThat(refused.get("reason").asString()).contains("alice");
		for (int i = 0; i < 30; i++) {
			awaitEveryDrone(List.of(onA), List.of(seenOnA), Set.of(drone));
		}
		assertNoGapsPerDrone(seenOnA);
		JsonNode climbing = seenOnA.get(seenOnA.size() - 1);
		assertThat(climbing.get("pilot").asString()).isEqualTo("alice");
		assertThat(climbing.get("position").get("alt").asDouble()).isGreaterThan(2);

		alice.close();
		await().atMost(StompTestClient.TIMEOUT)
			.until(() -> StompTestClient.drain(events)
				.stream()
				.anyMatch((event) -> event.get("type").asString().equals("CONTROL_RELEASED")
						&& event.get("droneId").asString().equals(drone)
						&& event.get("detail").asString().contains("disconnected")));
		JsonNode taken = bob.request(bobReplies, "/app/control",
				"{\"droneId\":\"" + drone + "\",\"action\":\"ACQUIRE\",\"commandId\":\"b-2\"}", "b-2");
		assertThat(taken.get("status").asString()).as(taken.toString()).isEqualTo("ACCEPTED");
	}

	@Test
	void aPilotConnectedToOneNodeIsAskedForADroneTheOtherSimulatesAndGrantsIt() throws Exception {
		awaitSpread();
		String drone = this.b.simulatedIds().get(0);
		StompTestClient alice = connect(this.a, "alice");
		StompTestClient bob = connect(this.b, "bob");
		BlockingQueue<JsonNode> aliceReplies = alice.subscribeReplies();
		BlockingQueue<JsonNode> asked = alice.subscribe("/user/queue/control-requests");
		BlockingQueue<JsonNode> bobReplies = bob.subscribeReplies();
		JsonNode acquired = alice.request(aliceReplies, "/app/control",
				"{\"droneId\":\"" + drone + "\",\"action\":\"ACQUIRE\",\"commandId\":\"a-1\"}", "a-1");
		assertThat(acquired.get("status").asString()).as(acquired.toString()).isEqualTo("ACCEPTED");

		bob.send("/app/control",
				"{\"droneId\":\"" + drone + "\",\"action\":\"REQUEST\",\"timeoutS\":30,\"commandId\":\"b-1\"}");
		JsonNode prompt = StompTestClient.next(asked);
		assertThat(prompt.get("droneId").asString()).isEqualTo(drone);
		assertThat(prompt.get("from").asString()).as("asked on node a by node b").isEqualTo("bob");
		JsonNode granted = alice.request(aliceReplies, "/app/control",
				"{\"droneId\":\"" + drone + "\",\"action\":\"GRANT\",\"requestId\":\""
						+ prompt.get("requestId").asString() + "\",\"commandId\":\"a-2\"}",
				"a-2");
		assertThat(granted.get("status").asString()).as(granted.toString()).isEqualTo("ACCEPTED");

		JsonNode reply = StompTestClient.next(bobReplies);
		assertThat(reply.get("commandId").asString()).isEqualTo("b-1");
		assertThat(reply.get("status").asString()).as(reply.toString()).isEqualTo("ACCEPTED");
		this.b.advance();
		assertThat(this.b.latest(drone).pilot()).isEqualTo("bob");
	}

	@Test
	void aPilotOnOneNodeUploadsAndStartsAMissionForADroneTheOtherSimulates() throws Exception {
		awaitSpread();
		String drone = this.b.simulatedIds().get(0);
		StompTestClient alice = connect(this.a, "alice");
		BlockingQueue<JsonNode> replies = alice.subscribeReplies();
		JsonNode acquired = alice.request(replies, "/app/control",
				"{\"droneId\":\"" + drone + "\",\"action\":\"ACQUIRE\",\"commandId\":\"a-1\"}", "a-1");
		assertThat(acquired.get("status").asString()).as(acquired.toString()).isEqualTo("ACCEPTED");
		this.b.advance();
		GeoPoint home = this.b.latest(drone).home();

		JsonNode refused = alice.request(replies, "/app/mission",
				"{\"droneId\":\"" + drone + "\",\"missionId\":\"far\",\"items\":[{\"lat\":" + home.lat() + ",\"lon\":"
						+ home.lon() + ",\"altitude\":10},{\"lat\":" + (home.lat() + 0.01) + ",\"lon\":" + home.lon()
						+ ",\"altitude\":10}],\"commandId\":\"m-1\"}",
				"m-1");
		assertThat(refused.get("item").asInt()).as("the refused item, through node b's reply").isEqualTo(1);
		JsonNode uploaded = alice.request(replies, "/app/mission",
				"{\"droneId\":\"" + drone + "\",\"missionId\":\"near\",\"items\":[{\"lat\":" + (home.lat() + 0.0001)
						+ ",\"lon\":" + home.lon() + ",\"altitude\":10}],\"finish\":\"LAND\",\"commandId\":\"m-2\"}",
				"m-2");
		assertThat(uploaded.get("status").asString()).as(uploaded.toString()).isEqualTo("ACCEPTED");
		JsonNode started = alice.request(replies, "/app/mission",
				"{\"droneId\":\"" + drone + "\",\"action\":\"START\",\"commandId\":\"m-3\"}", "m-3");
		assertThat(started.get("status").asString()).as(started.toString()).isEqualTo("ACCEPTED");
		this.b.advance();
		DroneState flying = this.b.latest(drone);
		assertThat(flying.mode()).isEqualTo(FlightMode.MISSION);
		assertThat(flying.mission().missionId()).isEqualTo("near");
		assertThat(flying.mission().state()).isEqualTo(MissionState.ACTIVE);
	}

	@Test
	void aReplyFromTheOtherNodeToASessionThatClosedReachesNoOtherSessionOfTheSameUser() throws Exception {
		awaitSpread();
		String drone = this.b.simulatedIds().get(0);
		StompTestClient closing = connect(this.a, "alice");
		StompTestClient staying = connect(this.a, "alice");
		BlockingQueue<JsonNode> closingErrors = closing.subscribeErrors();
		BlockingQueue<JsonNode> stayingReplies = staying.subscribeReplies();
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Boolean> hold = this.b.simulation.submit((fleet) -> HubHarness.holdUntil(release));

		// a session's frames are handled in order: the error answered at once for the
		// second proves the first went to node b, which waits for its held simulation
		closing.send("/app/control", "{\"droneId\":\"" + drone + "\",\"action\":\"RELEASE\",\"commandId\":\"gone-1\"}");
		closing.send("/app/command", "{not json");
		assertThat(StompTestClient.next(closingErrors).get("error").asString()).isEqualTo("INVALID_JSON");
		closing.close();
		SimpUserRegistry users = this.a.context.getBean(SimpUserRegistry.class);
		await().atMost(StompTestClient.TIMEOUT)
			.until(() -> users.getUser("alice") != null && users.getUser("alice").getSessions().size() == 1);
		release.countDown();
		assertThat(hold.get(StompTestClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

		// node b's replies reach node a in order: had the closed session's reply reached
		// this one, it would come first
		JsonNode reply = staying.request(stayingReplies, "/app/control",
				"{\"droneId\":\"" + drone + "\",\"action\":\"RELEASE\",\"commandId\":\"stay-1\"}", "stay-1");
		assertThat(reply.get("code").asString()).isEqualTo("NOT_IN_CONTROL");
		assertThat(StompTestClient.drain(stayingReplies)).isEmpty();
	}

	@Test
	void aNodeThatStopsHandsItsDronesOverAndTheyCarryOnFromTheirLastState() throws Exception {
		awaitSpread();
		List<String> ofB = this.b.simulatedIds();
		BlockingQueue<JsonNode> onA = connect(this.a).subscribe("/topic/telemetry");
		BlockingQueue<JsonNode> events = connect(this.a).subscribe("/topic/events");
		List<JsonNode> seenOnA = new ArrayList<>();
		awaitEveryDrone(List.of(onA), List.of(seenOnA));
		Map<String, Long> lastOfB = ofB.stream()
			.collect(Collectors.toMap((droneId) -> droneId, (droneId) -> this.b.latest(droneId).seq()));

		this.b.close();
		// b's leases would expire 2 s after its last renewal: sooner means b handed them
		// over
		await().atMost(Duration.ofMillis(1500)).until(() -> this.a.simulatedIds().size() == FLEET.size());
		this.a.advance();

		for (String droneId : ofB) {
			assertThat(this.a.latest(droneId).seq()).as(droneId).isEqualTo(lastOfB.get(droneId) + 1);
		}
		Set<String> moved = new HashSet<>();
		await().atMost(StompTestClient.TIMEOUT).until(() -> {
			StompTestClient.drain(events)
				.stream()
				.filter((event) -> event.get("type").asString().equals("DRONE_MOVED"))
				.forEach((event) -> moved.add(event.get("droneId").asString()));
			return moved.containsAll(ofB);
		});
		assertThat(get(this.a, "/api/cluster").get("nodes")).extracting((node) -> node.get("id").asString())
			.containsExactly("a", "b");
	}

	@Test
	void aDroneThatMovesToAnotherNodeKeepsItsPilotAndStaysOneFlight() throws Exception {
		awaitSpread();
		String drone = this.b.simulatedIds().get(0);
		StompTestClient alice = connect(this.a, "alice");
		BlockingQueue<JsonNode> aliceReplies = alice.subscribeReplies();
		BlockingQueue<JsonNode> onA = connect(this.a).subscribe("/topic/drones/" + drone + "/telemetry");
		BlockingQueue<JsonNode> events = connect(this.a).subscribe("/topic/events");
		List<JsonNode> seenOnA = new ArrayList<>();
		awaitEveryDrone(List.of(onA), List.of(seenOnA), Set.of(drone));
		alice.takeOff(aliceReplies, drone, 10);
		for (int i = 0; i < 10; i++) {
			awaitEveryDrone(List.of(onA), List.of(seenOnA), Set.of(drone));
		}
		long lastOfB = this.b.latest(drone).seq();

		this.b.close();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.a.simulatedIds().contains(drone));
		JsonNode land = alice.request(aliceReplies, "/app/command",
				"{\"droneId\":\"" + drone + "\",\"type\":\"LAND\",\"commandId\":\"land\"}", "land");
		assertThat(land.get("status").asString()).as("alice keeps control: " + land).isEqualTo("ACCEPTED");
		for (int i = 0; i < 10; i++) {
			this.a.advance();
		}
		DroneState landing = this.a.latest(drone);
		assertThat(landing.pilot()).isEqualTo("alice");
		assertThat(landing.mode()).isEqualTo(FlightMode.LAND);
		assertThat(landing.failsafe()).isNull();
		long lastOfA = landing.seq();
		List<JsonNode> seenEvents = new ArrayList<>();
		await().atMost(StompTestClient.TIMEOUT).until(() -> {
			seenEvents.addAll(StompTestClient.drain(events));
			return seenEvents.stream().anyMatch((event) -> event.get("type").asString().equals("DRONE_MOVED"));
		});
		assertThat(seenEvents).filteredOn((event) -> event.get("droneId").asString("").equals(drone))
			.extracting((event) -> event.get("type").asString())
			.doesNotContain("CONTROL_RELEASED", "FAILSAFE");

		JsonNode flights = await().atMost(StompTestClient.TIMEOUT).until(() -> {
			JsonNode newestFirst = get(this.a, "/api/flights?drone=" + drone).get("content");
			return (!newestFirst.isEmpty() && recordedSeqs(this.a.port(), newestFirst.get(0)).contains(lastOfA))
					? newestFirst : null;
		}, Objects::nonNull);
		assertThat(flights).as("the drone's flights").hasSize(1);
		JsonNode flight = flights.get(0);
		assertThat(flight.get("endedAt").isNull()).as(flight.toString()).isTrue();
		assertThat(flight.get("pilots")).extracting(JsonNode::asString).containsExactly("alice");
		List<Long> seqs = recordedSeqs(this.a.port(), flight);
		assertThat(seqs).as("b's states, then a's, each once").contains(lastOfB, lastOfB + 1).endsWith(lastOfA);
		assertThat(seqs).isEqualTo(LongStream.rangeClosed(seqs.get(0), lastOfA).boxed().toList());
		assertThat(flight.get("frames").asLong()).isEqualTo(seqs.size());
		assertThat(get(this.a, "/api/flights/" + flight.get("id").asString() + "/events"))
			.extracting((entry) -> entry.get("kind").asString() + " " + entry.get("type").asString())
			.contains("COMMAND ARM", "COMMAND TAKEOFF", "EVENT DRONE_MOVED");
	}

	/** The {@code seq}s of a recorded flight's states, read from a node, in order. */
	static List<Long> recordedSeqs(int port, JsonNode flight) throws Exception {
		return getText(port, "/api/flights/" + flight.get("id").asString() + "/telemetry?format=ndjson").lines()
			.map((line) -> json.readTree(line).get("seq").asLong())
			.toList();
	}

	private Node start(String id) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(HubApplication.class).profiles("it")
			.run("--server.port=0", "--hub.simulation.clock=manual", "--hub.fleet.size=4", "--hub.cluster.enabled=true",
					"--hub.cluster.node-id=" + id, "--hub.cluster.broker.port=" + brokerPort(),
					"--hub.cluster.heartbeat=100ms", "--hub.cluster.node-timeout=2s",
					"--spring.datasource.url=" + this.database, "--logging.level.org.apache.activemq.audit=WARN");
		return new Node(context);
	}

	/**
	 * Waits until each node simulates the drones that rendezvous hashing gives it: the
	 * spread is then final, and no drone moves while the nodes stay.
	 */
	void awaitSpread() {
		Set<String> nodes = Set.of("a", "b");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Set.copyOf(this.a.simulatedIds()).equals(preferred("a", FLEET, nodes))
					&& Set.copyOf(this.b.simulatedIds()).equals(preferred("b", FLEET, nodes)));
	}

	/**
	 * The drones that rendezvous hashing gives a node.
	 * @param node the node
	 * @param fleet every drone
	 * @param nodes the live nodes
	 * @return the node's drones
	 */
	static Set<String> preferred(String node, Set<String> fleet, Set<String> nodes) {
		return fleet.stream()
			.filter((droneId) -> node.equals(DroneAssignment.preferredNode(droneId, nodes)))
			.collect(Collectors.toSet());
	}

	/**
	 * Runs one tick on each node, then waits until every queue has received the new state
	 * of every drone, moving what it received to {@code seen}.
	 */
	private void awaitEveryDrone(List<BlockingQueue<JsonNode>> queues, List<List<JsonNode>> seen) {
		awaitEveryDrone(queues, seen, FLEET);
	}

	/**
	 * Runs one tick on each node, then waits until every queue has received the new state
	 * of each of {@code drones}, moving what it received to {@code seen}.
	 */
	void awaitEveryDrone(List<BlockingQueue<JsonNode>> queues, List<List<JsonNode>> seen, Set<String> drones) {
		await().atMost(StompTestClient.TIMEOUT).until(() -> {
			this.a.advance();
			this.b.advance();
			Map<String, Long> expected = new HashMap<>();
			for (Node node : List.of(this.a, this.b)) {
				node.simulation.latestStates()
					.stream()
					.filter((state) -> drones.contains(state.droneId()))
					.forEach((state) -> expected.put(state.droneId(), state.seq()));
			}
			// a subscription made just before may miss a first tick: then the next tick
			// counts
			return arrives(() -> {
				boolean all = true;
				for (int i = 0; i < queues.size(); i++) {
					seen.get(i).addAll(StompTestClient.drain(queues.get(i)));
					Map<String, Long> latest = latestSeqs(seen.get(i));
					all &= expected.entrySet()
						.stream()
						.allMatch((drone) -> latest.getOrDefault(drone.getKey(), -1L) >= drone.getValue());
				}
				return all;
			}) && expected.keySet().equals(drones);
		});
	}

	private static boolean arrives(Callable<Boolean> condition) {
		try {
			await().atMost(Duration.ofSeconds(2)).until(condition);
			return true;
		}
		catch (ConditionTimeoutException ex) {
			return false;
		}
	}

	private static Map<String, Long> latestSeqs(List<JsonNode> states) {
		return states.stream()
			.collect(Collectors.toMap((state) -> state.get("droneId").asString(), (state) -> state.get("seq").asLong(),
					Math::max));
	}

	private static Map<String, List<Long>> seqsByDrone(List<JsonNode> states) {
		return states.stream()
			.collect(Collectors.groupingBy((state) -> state.get("droneId").asString(),
					Collectors.mapping((state) -> state.get("seq").asLong(), Collectors.toList())));
	}

	StompTestClient connect(Node node) throws Exception {
		StompTestClient client = StompTestClient.connect(node.port());
		this.clients.add(client);
		return client;
	}

	/**
	 * Connects to a node as a user of the {@code it} profile, whose password is
	 * NAME-secret.
	 */
	private StompTestClient connect(Node node, String user) throws Exception {
		StompTestClient client = StompTestClient.connect(node.port(), user, user + "-secret");
		this.clients.add(client);
		return client;
	}

	private static JsonNode get(Node node, String path) throws Exception {
		return get(node.port(), path);
	}

	/** GETs a path of the hub's API on a port as an ADMIN, expecting 200, as JSON. */
	static JsonNode get(int port, String path) throws Exception {
		return json.readTree(getText(port, path));
	}

	/** GETs a path of the hub's API on a port as an ADMIN, expecting 200. */
	static String getText(int port, String path) throws Exception {
		String credentials = Base64.getEncoder().encodeToString("admin:admin-secret".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Basic " + credentials)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	/** One hub node of the test. */
	static final class Node implements AutoCloseable {

		final ConfigurableApplicationContext context;

		final SimulationLoop simulation;

		Node(ConfigurableApplicationContext context) {
			this.context = context;
			this.simulation = context.getBean(SimulationLoop.class);
		}

		int port() {
			return ((WebServerApplicationContext) this.context).getWebServer().getPort();
		}

		List<String> simulatedIds() throws Exception {
			return this.simulation.submit(Fleet::simulatedIds).get(5, TimeUnit.SECONDS);
		}

		void advance() throws Exception {
			this.simulation.advance(1).get(5, TimeUnit.SECONDS);
		}

		DroneState latest(String droneId) {
			return this.simulation.latestStates()
				.stream()
				.filter((state) -> state.droneId().equals(droneId))
				.findFirst()
				.orElseThrow();
		}

		@Override
		public void close() {
			this.context.close();
		}

	}

}
