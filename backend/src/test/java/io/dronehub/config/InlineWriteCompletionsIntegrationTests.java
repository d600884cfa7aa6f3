package io.dronehub.config;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;

import io.dronehub.HubHarness;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.outbound.InlineCompletionExecutor;
import io.dronehub.outbound.SessionWriters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static io.dronehub.HubHarness.receiveUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector's worker pool is an {@link InlineCompletionExecutor}, and telemetry
 * written to spectators over real STOMP completes without handing a task to it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.fleet.size=5" })
@ActiveProfiles("it")
class InlineWriteCompletionsIntegrationTests {

	private static final int SPECTATORS = 3;

	private static final int TICKS = 20;

	private final HubHarness hub;

	private final InlineCompletionExecutor pool;

	InlineWriteCompletionsIntegrationTests(@LocalServerPort int port, @Autowired SimulationLoop simulation,
			@Autowired SessionWriters<?> writers, @Autowired WebServerApplicationContext context) {
		this.hub = new HubHarness(port, simulation, writers);
		TomcatWebServer server = (TomcatWebServer) context.getWebServer();
		this.pool = (InlineCompletionExecutor) server.getTomcat().getConnector().getProtocolHandler().getExecutor();
	}

	@AfterEach
	void disconnect() {
		this.hub.close();
	}

	@Test
	void telemetryWritesCompleteOnTheWritingThread() throws Exception {
		List<BlockingQueue<JsonNode>> spectators = new ArrayList<>();
		for (int i = 0; i < SPECTATORS; i++) {
			spectators.add(this.hub.connect().subscribe("/topic/telemetry"));
		}
		this.hub.awaitTelemetry(spectators);
		long tasksBefore = this.pool.getTaskCount();

		this.hub.advance(TICKS);
		long lastSeq = this.hub.latest("d1").seq();
		for (BlockingQueue<JsonNode> spectator : spectators) {
			receiveUntil(spectator, "d1", lastSeq);
		}

		// one write per spectator and tick, each of which Tomcat would hand to the pool
		assertThat(this.pool.getTaskCount() - tasksBefore).isLessThan(TICKS * SPECTATORS / 2);
	}

}
