package io.dronehub.cluster;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.dronehub.HubApplication;
import io.dronehub.StompTestClient;
import io.dronehub.flight.Fleet;
import io.dronehub.flight.SimulationLoop;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The loss of a node: node {@code b}, a process of its own, is killed with
 * {@code SIGKILL} while it simulates drones, one of them flown by a pilot on node
 * {@code a}, and node {@code a}, in this JVM, takes them over from their last published
 * states, the flight carrying on as one recorded flight; and node {@code b} stopping
 * cleanly instead, handing its drones over at once. The nodes share an embedded ActiveMQ
 * Artemis broker and an H2 database served over TCP from this JVM, and tick in real time:
 * the takeover is measured, not slept through.
 */
class ClusterNodeLossIntegrationTests {

	private static final Set<String> FLEET = Set.of("d1", "d2", "d3", "d4");

	private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(5);

	private EmbeddedArtemis broker;

	private Server database;

	private String databaseUrl;

	private ConfigurableApplicationContext a;

	private Process b;

	private final List<StompTestClient> clients = new ArrayList<>();

	@BeforeEach
	void start() throws Exception {
		this.broker = new EmbeddedArtemis();
		this.database = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
		this.databaseUrl = "jdbc:h2:tcp://127.0.0.1:" + this.database.getPort() + "/mem:cluster-" + UUID.randomUUID()
				+ ";DB_CLOSE_DELAY=-1";
		this.a = new SpringApplicationBuilder(HubApplication.class).profiles("it").run(arguments("a", "0"));
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
				System.getProperty("java.class.path"), HubApplication.class.getName(), "--spring.profiles.active=it"));
		command.addAll(List.of(arguments("b", "0")));
		this.b = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(new File("target/cluster-node-b.log"))
			.start();
	}

	@AfterEach
	void stop() throws Exception {
		this.clients.forEach(StompTestClient::close);
		this.b.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		this.a.close();
		this.database.stop();
		this.broker.close();
	}

	@Test
	void aKilledNodesDronesAreTakenOverWithinFiveSecondsFromTheirLastState() throws Exception {
		SimulationLoop simulation = this.a.getBean(SimulationLoop.class);
		awaitSpread(simulation);
		List<String> ofB = FLEET.stream().filter((droneId) -> !simulated(simulation).contains(droneId)).toList();
		int port = ((WebServerApplicationContext) this.a).getWebServer().getPort();
		String watched = ofB.get(0);
		StompTestClient spectator = StompTestClient.connect(port);
		this.clients.add(spectator);
		BlockingQueue<JsonNode> telemetry = spectator.subscribe("/topic/drones/" + watched + "/telemetry");
		BlockingQueue<JsonNode> events = spectator.subscribe("/topic/events");
		StompTestClient alice = StompTestClient.connect(port, "alice", "alice-secret");
		this.clients.add(alice);
		alice.takeOff(alice.subscribeReplies(), watched, 10);
		JsonNode beforeKill = StompTestClient.next(telemetry);
		while (beforeKill.get("position").get("alt").asDouble() < 2) {
			beforeKill = StompTestClient.next(telemetry);
		}

		long killed = System.nanoTime();
		this.b.destroyForcibly();
		await().atMost(TAKEOVER_LIMIT.plusSeconds(5))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> simulated(simulation).size() == FLEET.size());
		Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
		System.out.printf("Node b killed: its drones %s taken over by node a in %d ms%n", ofB, takeover.toMillis());

		assertThat(takeover).isLessThan(TAKEOVER_LIMIT);
		List<JsonNode> received = new ArrayList<>();
		await().atMost(StompTestClient.TIMEOUT).until(() -> {
			received.addAll(StompTestClient.drain(events));
			return received.stream()
				.filter((event) -> event.get("type").asString().equals("DRONE_MOVED"))
				.count() == ofB.size()
					&& received.stream().anyMatch((event) -> event.get("type").asString().equals("NODE_LOST"));
		});
		long lastOfB = -1;
		List<JsonNode> states = StompTestClient.drain(telemetry);
		for (JsonNode state : states) {
			if (state.get("droneId").asString().equals(watched)) {
				long seq = state.get("seq").asLong();
				assertThat(seq).as("seq of %s carries on where node b left it", watched)
					.isEqualTo((lastOfB < 0) ? seq : lastOfB + 1);
				lastOfB = seq;
			}
		}
		assertThat(lastOfB).isGreaterThan(beforeKill.get("seq").asLong());
		long lastSeen = lastOfB;
		JsonNode flights = await().atMost(StompTestClient.TIMEOUT).until(() -> {
			JsonNode newestFirst = ClusterIntegrationTests.get(port, "/api/flights?drone=" + watched).get("content");
			return (!newestFirst.isEmpty()
					&& ClusterIntegrationTests.recordedSeqs(port, newestFirst.get(0)).contains(lastSeen)) ? newestFirst
							: null;
		}, Objects::nonNull);
		assertThat(flights).as("the flights of %s", watched).hasSize(1);
		List<Long> seqs = ClusterIntegrationTests.recordedSeqs(port, flights.get(0));
		assertThat(seqs.get(0)).as("the flight starts with node b's states").isLessThan(beforeKill.get("seq").asLong());
		assertThat(seqs).as("and goes on with node a's").contains(lastSeen);
		System.out.printf("The recorded flight of %s: %d states, %d missing where node b was killed%n", watched,
				seqs.size(), seqs.get(seqs.size() - 1) - seqs.get(0) + 1 - seqs.size());
	}

	@Test
	void aNodeThatStopsCleanlyHandsItsDronesOverWithoutAGapInTheirStates() throws Exception {
		SimulationLoop simulation = this.a.getBean(SimulationLoop.class);
		awaitSpread(simulation);
		String watched = FLEET.stream().filter((droneId) -> !simulated(simulation).contains(droneId)).findFirst().get();
		int port = ((WebServerApplicationContext) this.a).getWebServer().getPort();
		StompTestClient spectator = StompTestClient.connect(port);
		this.clients.add(spectator);
		BlockingQueue<JsonNode> telemetry = spectator.subscribe("/topic/drones/" + watched + "/telemetry");
		StompTestClient.next(telemetry);

		this.b.destroy();
		List<JsonNode> states = new ArrayList<>();
		await().atMost(TAKEOVER_LIMIT).pollInterval(Duration.ofMillis(10)).until(() -> {
			states.addAll(StompTestClient.drain(telemetry));
			return simulated(simulation).contains(watched);
		});
		int takenOver = states.size();
		await().atMost(StompTestClient.TIMEOUT).until(() -> {
			states.addAll(StompTestClient.drain(telemetry));
			return states.size() >= takenOver + 10;
		});

		long longestGapMillis = 0;
		for (int i = 1; i < states.size(); i++) {
			JsonNode before = states.get(i - 1);
			JsonNode after = states.get(i);
			assertThat(after.get("seq").asLong()).as("seq of %s", watched).isEqualTo(before.get("seq").asLong() + 1);
			longestGapMillis = Math.max(longestGapMillis,
					after.get("timestamp").asLong() - before.get("timestamp").asLong());
		}
		System.out.printf(
				"Node b stopped cleanly: the longest gap between two states of %s was %d ms " + "(a tick is 100 ms)%n",
				watched, longestGapMillis);
		assertThat(Duration.ofMillis(longestGapMillis)).as("handed over, not left to expire")
			.isLessThan(Duration.ofSeconds(3));
	}

	/**
	 * Waits until node a simulates the drones that rendezvous hashing gives it and node
	 * b, as node a hears, the others: the spread is then final, and no drone moves while
	 * the nodes stay.
	 */
	private void awaitSpread(SimulationLoop simulation) {
		ClusterMembers members = this.a.getBean(ClusterMembers.class);
		Set<String> ofA = ClusterIntegrationTests.preferred("a", FLEET, Set.of("a", "b"));
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			Set<String> ofB = new HashSet<>();
			members.nodes()
				.stream()
				.filter((node) -> node.alive() && node.id().equals("b"))
				.forEach((node) -> ofB.addAll(node.drones()));
			return Set.copyOf(simulated(simulation)).equals(ofA) && ofB.size() + ofA.size() == FLEET.size()
					&& Collections.disjoint(ofA, ofB);
		});
	}

	private String[] arguments(String node, String port) {
		return new String[] { "--server.port=" + port, "--hub.fleet.size=4", "--hub.cluster.enabled=true",
				"--hub.cluster.node-id=" + node, "--hub.cluster.broker.port=" + this.broker.port(),
				"--spring.datasource.url=" + this.databaseUrl, "--logging.level.org.apache.activemq.audit=WARN" };
	}

	private static List<String> simulated(SimulationLoop simulation) {
		return simulation.submit(Fleet::simulatedIds).join();
	}

}
