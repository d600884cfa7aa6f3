package io.dronehub.recorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.dronehub.HubApplication;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.SimulationLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hub stopped cleanly mid-flight, then started again on the same database file: the
 * flight is there, ended {@code HUB_STOPPED}, with every state up to the stop.
 */
class FlightRecorderRestartIntegrationTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path data;

	@Test
	void aFlightUnderWayWhenTheHubStopsIsKeptAndEndedHubStopped() throws Exception {
		long firstSeq;
		long lastSeq;
		try (ConfigurableApplicationContext hub = start()) {
			SimulationLoop simulation = hub.getBean(SimulationLoop.class);
			simulation.submit((fleet) -> fleet.drone("d1").arm()).get(10, TimeUnit.SECONDS);
			simulation.submit((fleet) -> fleet.drone("d1").takeoff(5)).get(10, TimeUnit.SECONDS);
			simulation.advance(1).get(10, TimeUnit.SECONDS);
			firstSeq = d1(simulation).seq();
			simulation.advance(40).get(10, TimeUnit.SECONDS);
			lastSeq = d1(simulation).seq();
			assertThat(d1(simulation).position().alt()).isPositive();
		}

		try (ConfigurableApplicationContext hub = start()) {
			String port = hub.getEnvironment().getProperty("local.server.port");
			JsonNode flight = json(get(port, "/api/flights?drone=d1")).at("/content/0");
			assertThat(flight.get("endReason").asString()).isEqualTo("HUB_STOPPED");
			assertThat(flight.get("endedAt").isNumber()).isTrue();
			assertThat(flight.get("frames").asLong()).isEqualTo(lastSeq - firstSeq + 1);
			List<Long> seqs = get(port, "/api/flights/" + flight.get("id").asString() + "/telemetry").lines()
				.map((line) -> json(line).get("seq").asLong())
				.toList();
			assertThat(seqs).first().isEqualTo(firstSeq);
			assertThat(seqs).last().isEqualTo(lastSeq);
			assertThat(seqs).hasSize((int) (lastSeq - firstSeq + 1));
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(HubApplication.class).profiles("it")
			.run("--server.port=0", "--hub.simulation.clock=manual",
					"--spring.datasource.url=jdbc:h2:file:" + this.data.resolve("hub").toAbsolutePath());
	}

	private static DroneState d1(SimulationLoop simulation) {
		return simulation.latestStates().get(0);
	}

	private static String get(String port, String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private JsonNode json(String body) {
		return this.json.readTree(body);
	}

}
