package io.dronehub.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;

import io.dronehub.HubHarness;
import io.dronehub.StompTestClient;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.outbound.SessionWriters;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator over HTTP: public health and info, a Prometheus scrape for admins only that
 * shows a flight in the {@code hub.*} metrics.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hub.simulation.clock=manual")
@ActiveProfiles("it")
@AutoConfigureMetrics
class OperationsIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	private final HubHarness hub;

	OperationsIntegrationTests(@LocalServerPort int port, @Autowired SimulationLoop simulation,
			@Autowired SessionWriters<?> writers) {
		this.port = port;
		this.hub = new HubHarness(port, simulation, writers);
	}

	@AfterEach
	void closeClients() {
		this.hub.close();
	}

	@Test
	void healthAndItsProbesArePublicAndUp() throws Exception {
		HttpResponse<String> health = get("/actuator/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(json(health).at("/status").asString()).isEqualTo("UP");
		assertThat(json(health).at("/components/simulation/status").asString()).isEqualTo("UP");
		assertThat(json(health).at("/components/broker/status").asString()).isEqualTo("UP");
		assertThat(json(health).at("/components/simulation/details").isMissingNode()).isTrue();
		assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
		HttpResponse<String> readiness = get("/actuator/health/readiness", null);
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(json(readiness).at("/components/simulation/status").asString()).isEqualTo("UP");
	}

	@Test
	void adminsSeeTheSimulatorsDetails() throws Exception {
		JsonNode simulation = json(get("/actuator/health", "admin")).at("/components/simulation");
		assertThat(simulation.at("/details/clock").asString()).isEqualTo("manual");
		assertThat(simulation.at("/details/rateHz").asInt()).isEqualTo(10);
	}

	@Test
	void infoIsPublicAndShowsTheVersionAndTheCommit() throws Exception {
		HttpResponse<String> info = get("/actuator/info", null);
		assertThat(info.statusCode()).isEqualTo(200);
		assertThat(json(info).at("/build/version").asString()).isEqualTo("0.1.0-SNAPSHOT");
		assertThat(json(info).at("/git/commit/id").asString()).matches("[0-9a-f]{7,40}");
	}

	@Test
	void thePrometheusScrapeIsForAdminsOnly() throws Exception {
		assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", "watcher").statusCode()).isEqualTo(403);
		assertThat(get("/actuator/prometheus", "alice").statusCode()).isEqualTo(403);
		assertThat(get("/actuator/prometheus", "admin").statusCode()).isEqualTo(200);
	}

	@Test
	void aFlightShowsInTheHubMetrics() throws Exception {
		BlockingQueue<JsonNode> telemetry = this.hub.connect().subscribe("/topic/telemetry");
		this.hub.awaitTelemetry(List.of(telemetry));
		StompTestClient alice = this.hub.connect("alice");
		BlockingQueue<JsonNode> replies = alice.subscribeReplies();
		assertThat(alice
			.request(replies, "/app/control", "{\"droneId\":\"d1\",\"action\":\"ACQUIRE\",\"commandId\":\"m-1\"}",
					"m-1")
			.get("status")
			.asString()).isEqualTo("ACCEPTED");
		assertThat(alice
			.request(replies, "/app/command", "{\"droneId\":\"d1\",\"type\":\"ARM\",\"commandId\":\"m-2\"}", "m-2")
			.get("status")
			.asString()).isEqualTo("ACCEPTED");
		assertThat(alice
			.request(replies, "/app/command", "{\"droneId\":\"d1\",\"type\":\"DISARM\",\"commandId\":\"m-3\"}", "m-3")
			.get("status")
			.asString()).isEqualTo("ACCEPTED");
		assertThat(alice
			.request(replies, "/app/command",
					"{\"droneId\":\"d1\",\"type\":\"TAKEOFF\",\"altitude\":10,\"commandId\":\"m-4\"}", "m-4")
			.get("code")
			.asString()).isEqualTo("COMMAND_DENIED");
		alice.request(replies, "/app/command", "{\"droneId\":\"d1\",\"type\":\"ARM\",\"commandId\":\"m-5\"}", "m-5");
		alice.request(replies, "/app/command",
				"{\"droneId\":\"d1\",\"type\":\"TAKEOFF\",\"altitude\":10,\"commandId\":\"m-6\"}", "m-6");
		this.hub.advance(20);
		assertThat(this.hub.latest("d1").position().alt()).isPositive();

		String scrape = get("/actuator/prometheus", "admin").body();
		assertThat(value(scrape, "hub_commands_total{code=\"none\",result=\"accepted\"}")).isGreaterThanOrEqualTo(5);
		assertThat(value(scrape, "hub_commands_total{code=\"COMMAND_DENIED\",result=\"rejected\"}"))
			.isGreaterThanOrEqualTo(1);
		assertThat(value(scrape, "hub_simulation_ticks_total")).isGreaterThanOrEqualTo(20);
		assertThat(value(scrape, "hub_telemetry_published_total")).isGreaterThanOrEqualTo(20 * 3);
		assertThat(value(scrape, "hub_sessions")).isGreaterThanOrEqualTo(1);
		assertThat(value(scrape, "hub_websocket_sessions_current")).isGreaterThanOrEqualTo(1);
		assertThat(value(scrape, "hub_websocket_sessions_opened_total")).isGreaterThanOrEqualTo(1);
		assertThat(value(scrape, "hub_stomp_frames_total{command=\"CONNECTED\"}")).isGreaterThanOrEqualTo(1);
		assertThat(value(scrape, "hub_simulation_tick_duration_seconds_count")).isGreaterThanOrEqualTo(20);
		assertThat(value(scrape, "hub_simulation_tick_duration_seconds_max")).isPositive();
		assertThat(value(scrape, "hub_sessions_connected{role=\"PILOT\"}")).isGreaterThanOrEqualTo(1);
		assertThat(value(scrape, "hub_sessions_connected{role=\"OBSERVER\"}")).isGreaterThanOrEqualTo(1);
		assertThat(value(scrape, "hub_subscriptions{destination=\"/topic/telemetry\"}")).isGreaterThanOrEqualTo(1);
		assertThat(value(scrape, "hub_subscriptions{destination=\"/user/queue/replies\"}")).isGreaterThanOrEqualTo(1);
		assertThat(value(scrape, "hub_telemetry_delivered_total")).isGreaterThanOrEqualTo(20 * 3);
		assertThat(value(scrape, "hub_telemetry_fanout_latency_seconds_count")).isGreaterThanOrEqualTo(20);
		assertThat(value(scrape, "hub_telemetry_fanout_latency_seconds_sum")).isPositive();
		assertThat(value(scrape, "hub_telemetry_fanout_latency_seconds_bucket{le=\"+Inf\"}"))
			.isGreaterThanOrEqualTo(20);
		assertThat(scrape).contains("hub_telemetry_fanout_latency_seconds_bucket{le=\"0.001\"} ")
			.contains("hub_telemetry_fanout_latency_seconds_bucket{le=\"0.01\"} ")
			.contains("hub_simulation_tick_duration_seconds{quantile=\"0.99\"} ")
			.contains("hub_simulation_overruns_total ")
			.contains("hub_simulation_skipped_total ")
			.contains("hub_telemetry_conflated_total ")
			.contains("hub_sessions_closed_total{reason=\"stalled\"} ")
			.contains("hub_sessions_closed_total{reason=\"frame_size\"} ")
			.contains("hub_websocket_sessions_closed_total{reason=\"transport_error\"} ");
	}

	private HttpResponse<String> get(String path, @Nullable String user) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (user != null) {
			String basic = Base64.getEncoder()
				.encodeToString((user + ":" + user + "-secret").getBytes(StandardCharsets.UTF_8));
			request.header("Authorization", "Basic " + basic);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.shared().readTree(response.body());
	}

	/**
	 * The value of one sample of a scrape.
	 */
	private static double value(String scrape, String sample) {
		return scrape.lines()
			.filter((line) -> line.startsWith(sample + " "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(sample.length() + 1).trim()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no sample " + sample + " in\n" + scrape));
	}

}
