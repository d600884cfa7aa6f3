package io.dronehub.ops;

import java.util.List;
import java.util.concurrent.BlockingQueue;

import io.dronehub.HubApplication;
import io.dronehub.HubHarness;
import io.dronehub.StompTestClient;
import io.dronehub.flight.FlightMode;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.outbound.SessionWriters;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shutting the hub down holds the drones a pilot was flying, tells every client with a
 * {@code HUB_STOPPING} event, and only then closes their sessions.
 */
class GracefulShutdownIntegrationTests {

	@Test
	void clientsHearTheHubGoDownBeforeTheirSessionsClose() throws Exception {
		ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class).profiles("it")
			.properties("server.port=0", "hub.simulation.clock=manual")
			.run();
		int port = hub.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		SimulationLoop simulation = hub.getBean(SimulationLoop.class);
		try (HubHarness harness = new HubHarness(port, simulation, hub.getBean(SessionWriters.class))) {
			StompTestClient spectator = harness.connect();
			BlockingQueue<JsonNode> events = spectator.subscribe("/topic/events");
			StompTestClient pilot = harness.connect("alice");
			BlockingQueue<JsonNode> replies = pilot.subscribeReplies();
			pilot.request(replies, "/app/control", "{\"droneId\":\"d1\",\"action\":\"ACQUIRE\",\"commandId\":\"1\"}",
					"1");
			pilot.request(replies, "/app/command", "{\"droneId\":\"d1\",\"type\":\"ARM\",\"commandId\":\"2\"}", "2");
			pilot.request(replies, "/app/command",
					"{\"droneId\":\"d1\",\"type\":\"TAKEOFF\",\"altitude\":5,\"commandId\":\"3\"}", "3");
			harness.advance(80);
			pilot.request(replies, "/app/command",
					"{\"droneId\":\"d1\",\"type\":\"MOVE\",\"forward\":2,\"right\":0,\"up\":0,\"yawRate\":0,\"commandId\":\"4\"}",
					"4");
			harness.advance(1);
			assertThat(harness.latest("d1").mode()).isEqualTo(FlightMode.MANUAL);

			hub.close();

			List<JsonNode> seen = spectator.drainUntilClosed(events);
			assertThat(seen).extracting((event) -> event.get("type").asString())
				.endsWith("MODE_CHANGED", "HUB_STOPPING");
			assertThat(seen.get(seen.size() - 2).get("detail").asString()).startsWith("MANUAL → HOLD");
			assertThat(seen.get(seen.size() - 1).get("droneId").isNull()).isTrue();
			assertThat(pilot.isConnected()).isFalse();
		}
		finally {
			hub.close();
		}
	}

}
