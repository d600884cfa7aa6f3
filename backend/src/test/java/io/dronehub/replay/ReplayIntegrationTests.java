package io.dronehub.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;

import io.dronehub.HubHarness;
import io.dronehub.SteppingClock;
import io.dronehub.SteppingClockConfiguration;
import io.dronehub.StompTestClient;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.outbound.SessionWriters;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Flights recorded with a clock that moves 100 ms per tick, then replayed over STOMP on
 * that clock, moved by the test: the recorded states in order at the requested pace,
 * pause, stop, seek and the end, to the requesting session alone, within the limits, and
 * answered like commands when the request is wrong.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.replay.max-per-session=2" })
@ActiveProfiles("it")
@Import(SteppingClockConfiguration.class)
class ReplayIntegrationTests {

	private final HubHarness hub;

	private final SteppingClock clock;

	private final MeterRegistry meters;

	private final FlightRecordings recordings;

	ReplayIntegrationTests(@LocalServerPort int port, @Autowired SimulationLoop simulation,
			@Autowired SessionWriters<?> writers, @Autowired SteppingClock clock, @Autowired MeterRegistry meters) {
		this.hub = new HubHarness(port, simulation, writers);
		this.clock = clock;
		this.meters = meters;
		this.recordings = new FlightRecordings(this.hub, clock, port);
	}

	@AfterEach
	void disconnect() {
		this.hub.close();
		await().atMost(StompTestClient.TIMEOUT).until(() -> replays() == 0);
	}

	@Test
	void aReplaySendsTheRecordedStatesInOrderAtItsSpeedToItsSessionAlone() throws Exception {
		RecordedFlight flight = this.recordings.record(100, "d1").get("d1");
		ReplayViewer viewer = ReplayViewer.of(this.hub.connect());
		StompTestClient watcher = this.hub.connect("watcher");
		BlockingQueue<JsonNode> otherTelemetry = watcher.subscribe("/topic/telemetry");
		ReplayViewer other = ReplayViewer.of(watcher);

		JsonNode reply = viewer.request("\"flightId\":\"" + flight.id() + "\",\"speed\":4");
		assertThat(reply.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(reply.get("droneId").asString()).isEqualTo("d1");
		JsonNode first = viewer.nextFrame();
		assertThat(first.get("flightId").asString()).isEqualTo(flight.id());
		assertThat(first.get("status").asString()).isEqualTo("PLAYING");
		assertThat(first.get("positionMs").asLong()).isZero();
		assertThat(first.get("durationMs").asLong()).isEqualTo(flight.durationMs());
		List<JsonNode> received = new ArrayList<>(ReplayViewer.statesOf(List.of(first)));

		this.clock.advance(Duration.ofSeconds(1));
		List<JsonNode> firstSecond = viewer.framesUntil((frame) -> frame.get("positionMs").asLong() >= 4000);
		assertThat(firstSecond).last().extracting((frame) -> frame.get("positionMs").asLong()).isEqualTo(4000L);
		received.addAll(ReplayViewer.statesOf(firstSecond));
		assertThat(received).as("the states of the first 4 s of the flight").isEqualTo(flight.statesBetween(0, 4000));

		this.clock.advance(Duration.ofSeconds(1));
		List<JsonNode> secondSecond = viewer.framesUntil((frame) -> frame.get("positionMs").asLong() >= 8000);
		received.addAll(ReplayViewer.statesOf(secondSecond));
		assertThat(received).as("and then of the next 4 s").isEqualTo(flight.statesBetween(0, 8000));

		this.clock.advance(Duration.ofSeconds(10));
		List<JsonNode> rest = viewer.framesUntil((frame) -> !frame.get("status").asString().equals("PLAYING"));
		received.addAll(ReplayViewer.statesOf(rest));
		assertThat(received).as("every recorded state with its seq and timestamp, in order").isEqualTo(flight.states());
		assertThat(rest).last().satisfies((last) -> {
			assertThat(last.get("status").asString()).isEqualTo("ENDED");
			assertThat(last.get("positionMs").asLong()).isEqualTo(flight.durationMs());
			assertThat(last.get("states")).isEmpty();
		});
		await().atMost(StompTestClient.TIMEOUT).until(() -> replays() == 0);

		other.request("\"flightId\":\"" + UUID.randomUUID() + "\"");
		assertThat(StompTestClient.drain(other.frames())).as("another session's replay frames").isEmpty();
		assertThat(StompTestClient.drain(otherTelemetry)).as("live telemetry").isEmpty();
		assertThat(StompTestClient.drain(viewer.frames())).as("nothing after the end").isEmpty();
	}

	@Test
	void pauseHoldsAReplayWhileTheClockMovesAndResumeGoesOnFromThere() throws Exception {
		Map<String, RecordedFlight> flights = this.recordings.record(60, "d1", "d2");
		RecordedFlight paused = flights.get("d1");
		RecordedFlight witness = flights.get("d2");
		ReplayViewer viewer = ReplayViewer.of(this.hub.connect());
		viewer.request("\"flightId\":\"" + paused.id() + "\"");
		this.clock.advance(Duration.ofSeconds(1));
		viewer.framesUntil((frame) -> frame.get("positionMs").asLong() >= 1000);

		assertThat(viewer.request("\"flightId\":\"" + paused.id() + "\",\"action\":\"PAUSE\"").get("status").asString())
			.isEqualTo("ACCEPTED");
		JsonNode pausedFrame = viewer.nextFrame();
		assertThat(pausedFrame.get("status").asString()).isEqualTo("PAUSED");
		assertThat(pausedFrame.get("positionMs").asLong()).isEqualTo(1000);
		viewer.request("\"flightId\":\"" + witness.id() + "\"");
		this.clock.advance(Duration.ofSeconds(2));
		List<JsonNode> whilePaused = viewer.framesUntil((frame) -> frame.get("flightId").asString().equals(witness.id())
				&& frame.get("positionMs").asLong() >= 2000);
		assertThat(whilePaused).as("only the other replay moved")
			.allMatch((frame) -> frame.get("flightId").asString().equals(witness.id()));

		viewer.request("\"flightId\":\"" + paused.id() + "\",\"action\":\"RESUME\"");
		JsonNode resumed = viewer.framesUntil((frame) -> frame.get("flightId").asString().equals(paused.id())).get(0);
		assertThat(resumed.get("status").asString()).isEqualTo("PLAYING");
		assertThat(resumed.get("positionMs").asLong()).as("where it paused").isEqualTo(1000);
		assertThat(resumed.get("states")).isEmpty();
		this.clock.advance(Duration.ofSeconds(1));
		List<JsonNode> after = viewer.framesUntil((frame) -> frame.get("flightId").asString().equals(paused.id())
				&& frame.get("positionMs").asLong() >= 2000);
		assertThat(ReplayViewer
			.statesOf(after.stream().filter((frame) -> frame.get("flightId").asString().equals(paused.id())).toList()))
			.isEqualTo(paused.statesBetween(1100, 2000));
	}

	@Test
	void stopEndsAReplayWithAStoppedFrameAndPlayingAgainSeeks() throws Exception {
		RecordedFlight flight = this.recordings.record(40, "d3").get("d3");
		ReplayViewer viewer = ReplayViewer.of(this.hub.connect());
		viewer.request("\"flightId\":\"" + flight.id() + "\"");
		this.clock.advance(Duration.ofSeconds(1));
		viewer.framesUntil((frame) -> frame.get("positionMs").asLong() >= 1000);

		assertThat(viewer.request("\"flightId\":\"" + flight.id() + "\",\"offsetMs\":2000,\"speed\":0.25")
			.get("status")
			.asString()).isEqualTo("ACCEPTED");
		JsonNode replaced = viewer.nextFrame();
		assertThat(replaced.get("status").asString()).isEqualTo("STOPPED");
		assertThat(replaced.get("positionMs").asLong()).isEqualTo(1000);
		JsonNode seeked = viewer.nextFrame();
		assertThat(seeked.get("status").asString()).isEqualTo("PLAYING");
		assertThat(seeked.get("positionMs").asLong()).isEqualTo(2000);
		assertThat(ReplayViewer.statesOf(List.of(seeked))).isEqualTo(flight.statesBetween(2000, 2000));
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(ReplayViewer.statesOf(viewer.framesUntil((frame) -> frame.get("positionMs").asLong() >= 2500)))
			.isEqualTo(flight.statesBetween(2100, 2500));

		assertThat(viewer.request("\"flightId\":\"" + flight.id() + "\",\"action\":\"STOP\"").get("status").asString())
			.isEqualTo("ACCEPTED");
		JsonNode stopped = viewer.nextFrame();
		assertThat(stopped.get("status").asString()).isEqualTo("STOPPED");
		assertThat(stopped.get("positionMs").asLong()).isEqualTo(2500);
		JsonNode again = viewer.request("\"flightId\":\"" + flight.id() + "\",\"action\":\"STOP\"");
		assertThat(again.get("status").asString()).isEqualTo("REJECTED");
		assertThat(again.get("code").asString()).isEqualTo("COMMAND_DENIED");
		assertThat(again.get("reason").asString())
			.isEqualTo("flight " + flight.id() + " is not being replayed in this session");
		assertThat(again.get("droneId").isNull()).isTrue();
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(viewer.request("\"flightId\":\"" + flight.id() + "\",\"action\":\"RESUME\"").get("code").asString())
			.isEqualTo("COMMAND_DENIED");
		assertThat(StompTestClient.drain(viewer.frames())).as("nothing after STOPPED").isEmpty();
	}

	@Test
	void aSessionHasAtMostTheConfiguredReplaysAndClosingItEndsThem() throws Exception {
		Map<String, RecordedFlight> flights = this.recordings.record(3, "d1", "d2", "d3");
		ReplayViewer viewer = ReplayViewer.of(this.hub.connect());
		ReplayViewer other = ReplayViewer.of(this.hub.connect());
		viewer.request("\"flightId\":\"" + flights.get("d1").id() + "\"");
		viewer.request("\"flightId\":\"" + flights.get("d2").id() + "\"");

		JsonNode third = viewer.request("\"flightId\":\"" + flights.get("d3").id() + "\"");
		assertThat(third.get("status").asString()).isEqualTo("REJECTED");
		assertThat(third.get("code").asString()).isEqualTo("BUSY");
		assertThat(third.get("reason").asString()).isEqualTo("at most 2 replays at once per session");
		assertThat(third.get("droneId").asString()).isEqualTo("d3");
		assertThat(viewer.request("\"flightId\":\"" + flights.get("d1").id() + "\",\"offsetMs\":100")
			.get("status")
			.asString()).as("playing a flight again replaces its replay").isEqualTo("ACCEPTED");
		assertThat(other.request("\"flightId\":\"" + flights.get("d3").id() + "\"").get("status").asString())
			.as("in another session")
			.isEqualTo("ACCEPTED");
		assertThat(replays()).isEqualTo(3);

		viewer.client().close();
		await().atMost(StompTestClient.TIMEOUT).until(() -> replays() == 1);
		other.client().close();
		await().atMost(StompTestClient.TIMEOUT).until(() -> replays() == 0);
	}

	@Test
	void badIdsSpeedsAndOffsetsAreAnsweredAsForCommands() throws Exception {
		RecordedFlight flight = this.recordings.record(3, "d2").get("d2");
		StompTestClient client = this.hub.connect("bob");
		ReplayViewer viewer = ReplayViewer.of(client);
		BlockingQueue<JsonNode> errors = client.subscribeErrors();
		String known = "\"flightId\":\"" + flight.id() + "\"";

		assertError(client, errors, "{\"flightId\":\"not-a-uuid\"}", "INVALID_FIELD",
				"flightId must be a UUID such as 3f2b8c1e-0d4a-4c53-9a57-7e1f0b6d2c90, was 'not-a-uuid'");
		assertError(client, errors, "{\"speed\":2}", "MISSING_FIELD", "flightId is required");
		assertError(client, errors, "{" + known + ",\"speed\":40}", "INVALID_FIELD",
				"speed must be between 0.25 and 32.0, was 40.0");
		assertError(client, errors, "{" + known + ",\"speed\":0.1}", "INVALID_FIELD",
				"speed must be between 0.25 and 32.0, was 0.1");
		assertError(client, errors, "{" + known + ",\"speed\":\"fast\"}", "INVALID_FIELD", "speed must be a number");
		assertError(client, errors, "{" + known + ",\"offsetMs\":-1}", "INVALID_FIELD",
				"offsetMs must be 0 or more, was -1");
		assertError(client, errors, "{" + known + ",\"action\":\"REWIND\"}", "INVALID_FIELD",
				"action must be one of [PLAY, PAUSE, RESUME, STOP]");
		assertError(client, errors, "{" + known, "INVALID_JSON", "the body is not valid JSON");

		String unknown = UUID.randomUUID().toString();
		JsonNode noFlight = viewer.request("\"flightId\":\"" + unknown + "\"");
		assertThat(noFlight.get("status").asString()).isEqualTo("REJECTED");
		assertThat(noFlight.get("code").asString()).isEqualTo("NO_SYSTEM");
		assertThat(noFlight.get("reason").asString()).isEqualTo("no flight with id " + unknown);
		assertThat(noFlight.get("droneId").isNull()).isTrue();
		JsonNode beyond = viewer.request(known + ",\"offsetMs\":" + (flight.durationMs() + 1));
		assertThat(beyond.get("code").asString()).isEqualTo("OUT_OF_RANGE");
		assertThat(beyond.get("reason").asString()).isEqualTo("offsetMs must be at most " + flight.durationMs()
				+ ", the length of flight " + flight.id() + ", was " + (flight.durationMs() + 1));
		assertThat(beyond.get("droneId").asString()).isEqualTo("d2");
		assertThat(StompTestClient.drain(viewer.frames())).isEmpty();
		assertThat(replays()).isZero();
	}

	private void assertError(StompTestClient client, BlockingQueue<JsonNode> errors, String body, String code,
			String message) throws InterruptedException {
		client.send("/app/replay", body);
		JsonNode error = StompTestClient.next(errors);
		assertThat(error.get("error").asString()).as(body).isEqualTo(code);
		assertThat(error.get("message").asString()).as(body).startsWith(message);
	}

	private double replays() {
		return this.meters.get("hub.replays").gauge().value();
	}

}
