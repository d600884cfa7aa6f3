package io.dronehub.recorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.dronehub.StompTestClient;
import io.dronehub.flight.SimulationLoop;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code hub.recorder.enabled=false} the hub starts and flies without a recorder,
 * {@code /api/flights} does not exist, and replays are refused.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.recorder.enabled=false" })
@ActiveProfiles("it")
class RecorderDisabledIntegrationTests {

	@Test
	void theHubFliesWithoutARecorderAndServesNoFlights(@Autowired ApplicationContext context,
			@Autowired SimulationLoop simulation, @LocalServerPort int port) throws Exception {
		assertThat(context.getBeanNamesForType(FlightRecorder.class)).isEmpty();
		simulation.submit((fleet) -> fleet.drone("d1").arm()).get(10, TimeUnit.SECONDS);
		simulation.advance(3).get(10, TimeUnit.SECONDS);
		assertThat(simulation.latestStates().get(0).armed()).isTrue();
		HttpResponse<String> flights = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/flights")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(flights.statusCode()).isEqualTo(404);
	}

	@Test
	void aReplayIsRejectedWithTheReason(@LocalServerPort int port) throws Exception {
		try (StompTestClient guest = StompTestClient.connect(port)) {
			BlockingQueue<JsonNode> replies = guest.subscribe("/user/queue/replies");
			JsonNode reply = await().atMost(StompTestClient.TIMEOUT).until(() -> {
				guest.send("/app/replay",
						"{\"flightId\":\"3f2b8c1e-0d4a-4c53-9a57-7e1f0b6d2c90\",\"commandId\":\"r\"}");
				return replies.poll(200, TimeUnit.MILLISECONDS);
			}, Objects::nonNull);
			assertThat(reply.get("status").asString()).isEqualTo("REJECTED");
			assertThat(reply.get("code").asString()).isEqualTo("COMMAND_DENIED");
			assertThat(reply.get("reason").asString())
				.isEqualTo("this hub records no flights (hub.recorder.enabled is false), so none can be replayed");
			assertThat(reply.get("droneId").isNull()).isTrue();
		}
	}

}
