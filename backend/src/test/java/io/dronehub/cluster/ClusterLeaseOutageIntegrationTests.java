package io.dronehub.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;

import io.dronehub.HubApplication;
import io.dronehub.PostgresSchema;
import io.dronehub.StompTestClient;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.Fleet;
import io.dronehub.flight.SimulationLoop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node whose lease database goes away: it stops simulating its drones before their
 * leases could expire, so that no other node could ever simulate one of them at the same
 * time, its pilots are told they lost control, and once the database answers again it
 * takes them again from where they were. The database is H2 served over TCP from this
 * JVM, reached through a proxy that the test cuts off and connects again; the broker is
 * an embedded Artemis.
 */
class ClusterLeaseOutageIntegrationTests {

	private static final Duration NODE_TIMEOUT = Duration.ofSeconds(2);

	@RegisterExtension
	static final PostgresSchema SCHEMA = new PostgresSchema("the lease database's outage test");

	private EmbeddedArtemis broker;

	private TcpProxy network;

	private ConfigurableApplicationContext node;

	private StompTestClient alice;

	@BeforeEach
	void start() throws Exception {
		this.broker = new EmbeddedArtemis();
		this.network = new TcpProxy(5432);
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--hub.fleet.size=4",
				"--hub.recorder.enabled=false", "--hub.cluster.enabled=true", "--hub.cluster.node-id=a",
				"--hub.cluster.heartbeat=100ms", "--hub.cluster.node-timeout=" + NODE_TIMEOUT.toMillis() + "ms",
				"--hub.cluster.broker.port=" + this.broker.port(), "--logging.level.org.apache.activemq.audit=WARN"));
		arguments.addAll(SCHEMA.arguments(this.network.port()));
		this.node = new SpringApplicationBuilder(HubApplication.class).profiles("it")
			.run(arguments.toArray(String[]::new));
	}

	@AfterEach
	void stop() throws Exception {
		if (this.alice != null) {
			this.alice.close();
		}
		this.node.close();
		this.network.close();
		this.broker.close();
	}

	@Test
	void withoutItsLeaseDatabaseANodeStopsSimulatingBeforeTheLeasesExpireAndTakesThemAgainAfter() throws Exception {
		SimulationLoop simulation = this.node.getBean(SimulationLoop.class);
		await().atMost(Duration.ofSeconds(20)).until(() -> simulated(simulation).size() == 4);
		int port = ((WebServerApplicationContext) this.node).getWebServer().getPort();
		this.alice = StompTestClient.connect(port, "alice", "alice-secret");
		BlockingQueue<JsonNode> replies = this.alice.subscribeReplies();
		BlockingQueue<JsonNode> events = this.alice.subscribe("/topic/events");
		JsonNode acquired = this.alice.request(replies, "/app/control",
				"{\"droneId\":\"d1\",\"action\":\"ACQUIRE\",\"commandId\":\"c-1\"}", "c-1");
		assertThat(acquired.get("status").asString()).isEqualTo("ACCEPTED");
		DroneState before = latest(simulation, "d1");

		long stopped = System.nanoTime();
		this.network.cut();
		await().atMost(NODE_TIMEOUT.multipliedBy(3))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> simulated(simulation).isEmpty());
		Duration givenUp = Duration.ofNanos(System.nanoTime() - stopped);
		System.out.printf(
				"The lease database cut off: the node stopped simulating its drones after %d ms "
						+ "(their leases expire %d ms after their last renewal)%n",
				givenUp.toMillis(), NODE_TIMEOUT.toMillis());

		assertThat(givenUp).as("given up before the leases could expire").isLessThan(NODE_TIMEOUT);
		List<JsonNode> received = new ArrayList<>();
		await().atMost(StompTestClient.TIMEOUT).until(() -> {
			received.addAll(StompTestClient.drain(events));
			return received.stream()
				.anyMatch((event) -> event.get("type").asString().equals("CONTROL_RELEASED")
						&& event.get("detail").asString().contains("the lease database does not answer"));
		});

		this.network.restore();
		await().atMost(Duration.ofSeconds(20)).until(() -> simulated(simulation).size() == 4);
		// the drones taken back have a state once the next tick has run
		DroneState after = await().atMost(StompTestClient.TIMEOUT)
			.until(() -> latestIfAny(simulation, "d1"), (state) -> state != null && state.seq() > before.seq());
		assertThat(after.seq()).as("d1 carries on").isGreaterThan(before.seq());
		assertThat(after.position().lat()).isEqualTo(before.position().lat());
		assertThat(after.pilot()).isNull();
	}

	private static List<String> simulated(SimulationLoop simulation) {
		return simulation.submit(Fleet::simulatedIds).join();
	}

	private static DroneState latest(SimulationLoop simulation, String droneId) {
		DroneState state = latestIfAny(simulation, droneId);
		assertThat(state).as("the latest state of " + droneId).isNotNull();
		return state;
	}

	private static @Nullable DroneState latestIfAny(SimulationLoop simulation, String droneId) {
		return simulation.latestStates()
			.stream()
			.filter((state) -> state.droneId().equals(droneId))
			.findFirst()
			.orElse(null);
	}

}
