package io.dronehub.recorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import io.dronehub.flight.SimulationLoop;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code hub.recorder.enabled=false} the hub starts and flies without a recorder,
 * and {@code /api/flights} does not exist.
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

}
