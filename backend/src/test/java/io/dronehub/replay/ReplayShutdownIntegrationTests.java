package io.dronehub.replay;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import io.dronehub.HubApplication;
import io.dronehub.HubHarness;
import io.dronehub.SteppingClock;
import io.dronehub.SteppingClockConfiguration;
import io.dronehub.StompTestClient;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.outbound.SessionWriters;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shutting the hub down stops every replay with a STOPPED frame, before the
 * {@code HUB_STOPPING} event that is the last thing the hub says.
 */
class ReplayShutdownIntegrationTests {

	@Test
	void aReplayStopsBeforeTheHubSaysItStops() throws Exception {
		ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class,
				SteppingClockConfiguration.class)
			.profiles("it")
			.properties("server.port=0", "hub.simulation.clock=manual")
			.run();
		int port = hub.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		try (HubHarness harness = new HubHarness(port, hub.getBean(SimulationLoop.class),
				hub.getBean(SessionWriters.class))) {
			RecordedFlight flight = new FlightRecordings(harness, hub.getBean(SteppingClock.class), port)
				.record(10, "d1")
				.get("d1");
			StompTestClient guest = harness.connect();
			BlockingQueue<JsonNode> inOrder = guest.subscribe("/topic/events", new LinkedBlockingQueue<>());
			ReplayViewer viewer = ReplayViewer.of(guest, inOrder);
			viewer.request("\"flightId\":\"" + flight.id() + "\"");
			assertThat(viewer.framesUntil((message) -> message.has("status")))
				.extracting((frame) -> frame.get("status").asString())
				.containsExactly("PLAYING");

			hub.close();

			assertThat(guest.drainUntilClosed(inOrder))
				.extracting((message) -> message.path("status").asString(message.path("type").asString()))
				.endsWith("STOPPED", "HUB_STOPPING");
		}
		finally {
			hub.close();
		}
	}

}
