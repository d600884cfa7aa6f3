package io.dronehub.recorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.dronehub.HubHarness;
import io.dronehub.StompTestClient;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.outbound.SessionWriters;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The hub starts while its PostgreSQL database does not exist yet: it flies and serves
 * telemetry, the recorder says it is degraded and counts what it loses, and once the
 * database is created the recorder migrates it and records. Skipped, saying so, where no
 * PostgreSQL server answers on 127.0.0.1:5432.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "spring.datasource.hikari.connection-timeout=1000" })
@ActiveProfiles("it")
class FlightRecorderLateDatabaseIntegrationTests {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	private static final String USER = "postgres";

	private static final String DATABASE = "hub_late_" + UUID.randomUUID().toString().replace("-", "");

	private final int port;

	private final HubHarness hub;

	private final FlightRecorder recorder;

	private final RecorderHealthIndicator health;

	private final MeterRegistry meters;

	FlightRecorderLateDatabaseIntegrationTests(@LocalServerPort int port, @Autowired SimulationLoop simulation,
			@Autowired SessionWriters<?> writers, @Autowired FlightRecorder recorder,
			@Autowired RecorderHealthIndicator health, @Autowired MeterRegistry meters) {
		this.port = port;
		this.hub = new HubHarness(port, simulation, writers);
		this.recorder = recorder;
		this.health = health;
		this.meters = meters;
	}

	@BeforeAll
	static void postgresAnswers() {
		try (Connection connection = DriverManager.getConnection(SERVER + "test", USER, "")) {
			assumeTrue(connection.isValid(5));
		}
		catch (SQLException ex) {
			assumeTrue(false, "No PostgreSQL server answers at " + SERVER + " as " + USER + " (" + ex.getMessage()
					+ "): start one (.ci/run does) to run the recorder's tests against it; skipping");
		}
	}

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry properties) {
		properties.add("spring.datasource.url", () -> SERVER + DATABASE);
		properties.add("spring.datasource.username", () -> USER);
		properties.add("spring.datasource.password", () -> "");
	}

	@AfterEach
	void disconnect() {
		this.hub.close();
	}

	@AfterAll
	static void dropDatabase() throws SQLException {
		execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
	}

	@Test
	void theHubFliesWithoutItsDatabaseAndRecordsOnceTheDatabaseIsThere() throws Exception {
		assertThat(this.health.health().getStatus()).isEqualTo(RecorderHealthIndicator.DEGRADED);
		assertThat(get("/api/flights").statusCode()).isEqualTo(503);
		assertThat(get("/api/flights").body()).contains("the flight recorder's database does not answer");
		StompTestClient spectator = this.hub.connect();
		BlockingQueue<JsonNode> telemetry = spectator.subscribe("/topic/drones/d1/telemetry");
		JsonNode recent = spectator.subscribe("/app/events")
			.poll(StompTestClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(recent).isNotNull();
		assertThat(recent.valueStream().map((event) -> event.get("type").asString())).contains("RECORDER_DEGRADED");
		this.hub.awaitTelemetry(List.of(telemetry));
		StompTestClient pilot = this.hub.connect("alice");
		BlockingQueue<JsonNode> replies = pilot.subscribeReplies();
		pilot.request(replies, "/app/control", "{\"droneId\":\"d1\",\"action\":\"ACQUIRE\",\"commandId\":\"a\"}", "a");
		pilot.request(replies, "/app/command", "{\"droneId\":\"d1\",\"type\":\"ARM\",\"commandId\":\"b\"}", "b");
		this.hub.advance(20);
		await().atMost(StompTestClient.TIMEOUT).until(() -> dropped() >= 20);
		HubHarness.assertNoGapsPerDrone(HubHarness.receiveUntil(telemetry, "d1", this.hub.latest("d1").seq()));

		execute("CREATE DATABASE " + DATABASE);
		await().atMost(StompTestClient.TIMEOUT).until(() -> {
			this.hub.advance(1);
			return written() > 0 && !this.recorder.degraded();
		});
		this.hub.advance(5);
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
		await().atMost(StompTestClient.TIMEOUT)
			.until(() -> get("/api/flights?drone=d1").body(),
					(body) -> body.contains("\"droneId\":\"d1\"") && body.contains("\"endedAt\":null"));
	}

	private double written() {
		return this.meters.get("hub.recorder.written").tag("kind", "states").counter().count();
	}

	private double dropped() {
		return this.meters.get("hub.recorder.dropped").tag("kind", "states").counter().count();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(SERVER + "test", USER, "")) {
			connection.createStatement().execute(sql);
		}
	}

}
