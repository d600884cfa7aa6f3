package io.dronehub.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.dronehub.StompTestClient;
import io.dronehub.flight.SimulationLoop;
import io.micrometer.core.instrument.MockClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running hub's health while its simulator, ticking in real time, stalls and
 * recovers. The simulation thread is held by a task the test releases, and the health is
 * judged on a Micrometer clock that moves only when the test moves it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hub.simulation.clock=realtime")
@ActiveProfiles("it")
@Import(SimulatorStallIntegrationTests.MovableClock.class)
class SimulatorStallIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	private final SimulationLoop simulation;

	private final MockClock clock;

	SimulatorStallIntegrationTests(@LocalServerPort int port, @Autowired SimulationLoop simulation,
			@Autowired MockClock clock) {
		this.port = port;
		this.simulation = simulation;
		this.clock = clock;
	}

	@Test
	void healthIsDownWhileTheSimulatorStallsAndUpAgainAfter() throws Exception {
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Boolean> stall = this.simulation.submit((fleet) -> {
			held.countDown();
			try {
				return release.await(StompTestClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		});
		assertThat(held.await(StompTestClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertHealth(200, "UP");

		this.clock.add(Duration.ofSeconds(1));
		assertHealth(503, "DOWN");

		long ticksWhileHeld = this.simulation.ticks();
		release.countDown();
		assertThat(stall.get(StompTestClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		await().atMost(StompTestClient.TIMEOUT).until(() -> this.simulation.ticks() > ticksWhileHeld);
		assertHealth(200, "UP");
	}

	/**
	 * Asserts the health and the readiness probe, one check each, and the status of the
	 * {@code simulation} part.
	 */
	private void assertHealth(int httpStatus, String simulationStatus) throws Exception {
		for (String path : new String[] { "/actuator/health", "/actuator/health/readiness" }) {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			JsonNode health = JsonMapper.shared().readTree(response.body());
			assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(httpStatus);
			assertThat(health.at("/components/simulation/status").asString()).as(path).isEqualTo(simulationStatus);
		}
	}

	/**
	 * Replaces Micrometer's system clock, on which the simulator's health is judged.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class MovableClock {

		@Bean
		MockClock micrometerClock() {
			return new MockClock();
		}

	}

}
