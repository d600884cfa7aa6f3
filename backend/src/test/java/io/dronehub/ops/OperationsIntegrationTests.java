package io.dronehub.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator over HTTP: public health and info, a Prometheus scrape for admins only.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hub.simulation.clock=manual")
@ActiveProfiles("it")
@AutoConfigureMetrics
class OperationsIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	OperationsIntegrationTests(@LocalServerPort int port) {
		this.port = port;
	}

	@Test
	void healthAndItsProbesArePublicAndUp() throws Exception {
		HttpResponse<String> health = get("/actuator/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(json(health).at("/status").asString()).isEqualTo("UP");
		assertThat(json(health).at("/components/simulation/status").asString()).isEqualTo("UP");
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
	void infoIsPublicAndShowsTheVersion() throws Exception {
		HttpResponse<String> info = get("/actuator/info", null);
		assertThat(info.statusCode()).isEqualTo(200);
		assertThat(info.body()).contains("\"version\":\"0.1.0-SNAPSHOT\"");
	}

	@Test
	void thePrometheusScrapeIsForAdminsOnly() throws Exception {
		assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", "watcher").statusCode()).isEqualTo(403);
		assertThat(get("/actuator/prometheus", "alice").statusCode()).isEqualTo(403);
		assertThat(get("/actuator/prometheus", "admin").statusCode()).isEqualTo(200);
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

}
