package io.dronehub.browser;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dronehub.HubApplication;
import io.dronehub.cluster.EmbeddedArtemis;
import io.dronehub.flight.Fleet;
import io.dronehub.flight.SimulationLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * The fleet page of a node of a cluster says which node simulates each drone, and follows
 * the drones when a node stops. Two nodes in this JVM, joined by an embedded Artemis and
 * an in-memory H2 database, with manual simulation clocks and the {@code it} profile's
 * users.
 */
@Tag("browser")
class ClusterBrowserIntegrationTests {

	private EmbeddedArtemis broker;

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	@BeforeEach
	void startNodes() {
		Browser.assumeInstalled();
		this.broker = new EmbeddedArtemis();
		String database = "jdbc:h2:mem:cluster-page-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		this.a = node("a", database);
		this.b = node("b", database);
	}

	@AfterEach
	void stopNodes() throws Exception {
		if (this.a != null) {
			this.a.close();
			this.b.close();
			this.broker.close();
		}
	}

	@Test
	void theFleetPageSaysWhichNodeSimulatesEachDroneAndFollowsThemWhenANodeStops() {
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			List<String> onA = simulated(this.a);
			List<String> onB = simulated(this.b);
			return !onA.isEmpty() && !onB.isEmpty() && onA.size() + onB.size() == 4;
		});
		advance(this.a);
		advance(this.b);
		Map<String, String> nodeOf = new HashMap<>();
		simulated(this.a).forEach((droneId) -> nodeOf.put(droneId, "a"));
		simulated(this.b).forEach((droneId) -> nodeOf.put(droneId, "b"));
		try (Browser page = Browser.open(1280, 900)) {
			page.get("http://localhost:" + port(this.a) + "/");
			page.awaitConnection("live");
			page.awaitText("[data-cluster-nodes]", (text) -> text.contains("a — ") && text.contains("b — "),
					"listing both nodes");
			nodeOf
				.forEach((droneId, node) -> page.awaitText("[data-drone-id='" + droneId + "'] [data-card-field='node']",
						node::equals, "saying node " + node + " simulates " + droneId));
			page.screenshot("fleet-cluster");

			this.b.close();
			for (String droneId : nodeOf.keySet()) {
				page.awaitText("[data-drone-id='" + droneId + "'] [data-card-field='node']", "a"::equals,
						"saying node a simulates " + droneId + " once b stopped");
			}
			page.screenshot("fleet-cluster-one-node-left");
		}
	}

	private ConfigurableApplicationContext node(String id, String database) {
		return new SpringApplicationBuilder(HubApplication.class).profiles("it")
			.run("--server.port=0", "--hub.simulation.clock=manual", "--hub.fleet.size=4", "--hub.cluster.enabled=true",
					"--hub.cluster.node-id=" + id, "--hub.cluster.broker.port=" + this.broker.port(),
					"--hub.cluster.heartbeat=100ms", "--hub.cluster.node-timeout=2s",
					"--spring.datasource.url=" + database, "--spring.main.banner-mode=off",
					"--logging.level.org.apache.activemq.audit=WARN");
	}

	private static List<String> simulated(ConfigurableApplicationContext node) {
		return node.getBean(SimulationLoop.class).submit(Fleet::simulatedIds).join();
	}

	/** A few ticks, so that every node has published its drones' states. */
	private static void advance(ConfigurableApplicationContext node) {
		node.getBean(SimulationLoop.class).advance(3).join();
	}

	private static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

}
