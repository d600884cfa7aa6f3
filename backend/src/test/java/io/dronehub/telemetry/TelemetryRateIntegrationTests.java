package io.dronehub.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.dronehub.HubHarness;
import io.dronehub.StompTestClient;
import io.dronehub.StompTestClient.Frame;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.outbound.SessionWriters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A telemetry subscription's own rate over real STOMP, with the simulation stepped by the
 * test: a {@code rate-hz} subscription gets every fifth state at 2 Hz of 10, each saying
 * how many it skipped, beside one that gets every tick; a rate the hub cannot keep is
 * refused on {@code /user/queue/errors} and nothing else changes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.fleet.size=2" })
@ActiveProfiles("it")
class TelemetryRateIntegrationTests {

	private final HubHarness hub;

	TelemetryRateIntegrationTests(@LocalServerPort int port, @Autowired SimulationLoop simulation,
			@Autowired SessionWriters<?> writers) {
		this.hub = new HubHarness(port, simulation, writers);
	}

	@AfterEach
	void disconnect() {
		this.hub.close();
	}

	@Test
	void aSubscriptionAtTwoHertzGetsEveryFifthStateSayingHowManyItSkipped() throws Exception {
		StompTestClient spectator = this.hub.connect();
		BlockingQueue<Frame> slow = spectator.subscribeFrames(subscribe("/topic/drones/d1/telemetry", "2"));
		BlockingQueue<Frame> fleet = spectator.subscribeFrames(subscribe("/topic/telemetry", "0.5"));
		BlockingQueue<JsonNode> every = spectator.subscribe("/topic/drones/d1/telemetry");
		this.hub.awaitTelemetry(List.of(every));

		this.hub.advance(40);
		long last = this.hub.latest("d1").seq();
		HubHarness.assertNoGapsPerDrone(HubHarness.receiveUntil(every, "d1", last));

		List<Frame> received = until(slow, "d1", last - 4);
		List<Long> seqs = received.stream().map((frame) -> frame.body().get("seq").asLong()).toList();
		assertThat(seqs).hasSizeGreaterThanOrEqualTo(8);
		for (int i = 1; i < received.size(); i++) {
			assertThat(seqs.get(i) - seqs.get(i - 1)).as("evenly spaced: %s", seqs).isEqualTo(5);
			assertThat(received.get(i).headers().getFirst("skipped")).isEqualTo("4");
		}
		assertThat(received.get(0).headers().getFirst("skipped")).isNotNull();
		List<Frame> fleetFrames = until(fleet, "d2", last - 19);
		assertThat(fleetFrames).extracting((frame) -> frame.body().get("droneId").asString()).contains("d1", "d2");
		List<Frame> ofD2 = fleetFrames.stream()
			.filter((frame) -> frame.body().get("droneId").asString().equals("d2"))
			.toList();
		assertThat(ofD2).hasSizeBetween(2, 3);
		assertThat(ofD2.subList(1, ofD2.size()))
			.allSatisfy((frame) -> assertThat(frame.headers().getFirst("skipped")).isEqualTo("19"));
	}

	@Test
	void aRateTheHubCannotKeepIsRefusedToTheSenderAndTheSessionCarriesOn() throws Exception {
		StompTestClient spectator = this.hub.connect();
		BlockingQueue<JsonNode> errors = spectator.subscribeErrors();
		BlockingQueue<Frame> refused = spectator.subscribeFrames(subscribe("/topic/drones/d1/telemetry", "50"));

		JsonNode error = StompTestClient.next(errors);
		assertThat(error.get("error").asString()).isEqualTo("INVALID_FIELD");
		assertThat(error.get("message").asString())
			.isEqualTo("rate-hz must be a number from 0.1 to 10 (the simulation's rate), not '50'");
		BlockingQueue<JsonNode> every = spectator.subscribe("/topic/drones/d1/telemetry");
		this.hub.awaitTelemetry(List.of(every));
		this.hub.advance(5);
		HubHarness.receiveUntil(every, "d1", this.hub.latest("d1").seq());
		assertThat(refused).as("the refused subscription gets nothing").isEmpty();
		assertThat(spectator.isConnected()).isTrue();
	}

	private static StompHeaders subscribe(String destination, String rateHz) {
		StompHeaders headers = new StompHeaders();
		headers.setDestination(destination);
		headers.set("rate-hz", rateHz);
		return headers;
	}

	/** Collects frames until one of {@code droneId} with at least {@code seq}. */
	private static List<Frame> until(BlockingQueue<Frame> queue, String droneId, long seq) throws InterruptedException {
		List<Frame> received = new ArrayList<>();
		while (true) {
			Frame frame = queue.poll(StompTestClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			assertThat(frame).as("a frame of %s with seq %d or more", droneId, seq).isNotNull();
			received.add(frame);
			if (frame.body().get("droneId").asString().equals(droneId) && frame.body().get("seq").asLong() >= seq) {
				return received;
			}
		}
	}

}
