package io.dronehub.recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;

import com.zaxxer.hikari.HikariDataSource;
import io.dronehub.HubHarness;
import io.dronehub.StompTestClient;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.outbound.SessionWriters;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away mid-flight (its connection pool suspended, so every write waits)
 * and comes back: live telemetry keeps every tick, the loss is counted and announced, and
 * recording resumes by itself. A batch holds at most 10 ticks, so that the write the
 * suspended pool holds up takes few of the 300 ticks and the rest overflow the queue of
 * 100, however fast the recorder's thread drains it meanwhile.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.recorder.queue-capacity=100", "hub.recorder.batch-size=10",
				"spring.datasource.hikari.allow-pool-suspension=true" })
@ActiveProfiles("it")
class FlightRecorderOutageIntegrationTests {

	private final HubHarness hub;

	private final SimulationLoop simulation;

	private final HikariDataSource database;

	private final FlightRecorder recorder;

	private final RecorderHealthIndicator health;

	private final MeterRegistry meters;

	FlightRecorderOutageIntegrationTests(@LocalServerPort int port, @Autowired SimulationLoop simulation,
			@Autowired SessionWriters<?> writers, @Autowired HikariDataSource database,
			@Autowired FlightRecorder recorder, @Autowired RecorderHealthIndicator health,
			@Autowired MeterRegistry meters) {
		this.hub = new HubHarness(port, simulation, writers);
		this.simulation = simulation;
		this.database = database;
		this.recorder = recorder;
		this.health = health;
		this.meters = meters;
	}

	@AfterEach
	void resume() {
		this.database.getHikariPoolMXBean().resumePool();
		this.hub.close();
	}

	@Test
	void liveTelemetryKeepsEveryTickWhileTheDatabaseIsAwayAndRecordingResumes() throws Exception {
		StompTestClient spectator = this.hub.connect();
		BlockingQueue<JsonNode> telemetry = spectator.subscribe("/topic/drones/d2/telemetry");
		BlockingQueue<JsonNode> events = spectator.subscribe("/topic/events");
		this.hub.awaitTelemetry(List.of(telemetry));
		this.simulation.submit((fleet) -> fleet.drone("d2").arm()).get();
		this.hub.advance(5);
		await().atMost(StompTestClient.TIMEOUT).until(() -> written() >= 5);

		this.database.getHikariPoolMXBean().suspendPool();
		this.hub.advance(300);

		await().atMost(StompTestClient.TIMEOUT).until(() -> dropped() > 0);
		assertThat(this.health.health().getStatus()).isEqualTo(RecorderHealthIndicator.DEGRADED);
		List<JsonNode> watched = HubHarness.receiveUntil(telemetry, "d2", this.hub.latest("d2").seq());
		HubHarness.assertNoGapsPerDrone(watched);
		assertThat(watched).as("every tick reached the spectator").hasSizeGreaterThanOrEqualTo(305);

		this.database.getHikariPoolMXBean().resumePool();
		this.hub.advance(5);
		await().atMost(StompTestClient.TIMEOUT).until(() -> this.recorder.queued() == 0 && !this.recorder.degraded());
		this.hub.advance(1);
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
		List<String> announced = new ArrayList<>();
		await().atMost(StompTestClient.TIMEOUT).until(() -> {
			for (JsonNode event = events.poll(); event != null; event = events.poll()) {
				if (event.get("type").asString().startsWith("RECORDER_")) {
					announced.add(event.get("type").asString());
				}
			}
			return announced.size() >= 2;
		});
		assertThat(announced).as("announced once each, in order")
			.containsExactly("RECORDER_DEGRADED", "RECORDER_RECOVERED");
		double writtenBefore = written();
		this.hub.advance(5);
		await().atMost(StompTestClient.TIMEOUT).until(() -> written() >= writtenBefore + 5);
	}

	private double written() {
		return this.meters.get("hub.recorder.written").tag("kind", "states").counter().count();
	}

	private double dropped() {
		return this.meters.get("hub.recorder.dropped").tag("kind", "states").counter().count();
	}

}
