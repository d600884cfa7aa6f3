package io.dronehub.control;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.dronehub.HubHarness;
import io.dronehub.SteppingClock;
import io.dronehub.SteppingClockConfiguration;
import io.dronehub.StompTestClient;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.flight.SimulationProperties;
import io.dronehub.outbound.SessionWriters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static io.dronehub.StompTestClient.next;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Control handed over with consent over real STOMP: bob asks for alice's drone, alice is
 * asked on {@code /user/queue/control-requests} and answers, and bob's reply comes when
 * it is decided. The simulation and its clock are stepped by the test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.fleet.size=4" })
@ActiveProfiles("it")
@Import(SteppingClockConfiguration.class)
class ControlHandoverIntegrationTests {

	private final HubHarness hub;

	private final SteppingClock clock;

	private final Duration tick;

	ControlHandoverIntegrationTests(@LocalServerPort int port, @Autowired SimulationLoop simulation,
			@Autowired SessionWriters<?> writers, @Autowired SteppingClock clock,
			@Autowired SimulationProperties settings) {
		this.hub = new HubHarness(port, simulation, writers);
		this.clock = clock;
		this.tick = settings.tickPeriod();
	}

	@AfterEach
	void disconnect() {
		this.hub.close();
	}

	@Test
	void bobAsksAliceGrantsAndTheDronesPilotChangesOnTheTickOfTheHandover() throws Exception {
		Pilots pilots = aliceControls("d1");
		BlockingQueue<JsonNode> watched = this.hub.connect().subscribe("/topic/drones/d1/telemetry");
		this.hub.awaitTelemetry(List.of(watched));
		assertThat(this.hub.newest(watched, "d1").has("control")).as("nothing to say yet").isFalse();
		pilots.bob()
			.send("/app/control", "{\"droneId\":\"d1\",\"action\":\"REQUEST\",\"timeoutS\":10,\"commandId\":\"b-1\"}");
		JsonNode prompt = next(pilots.asked());
		assertThat(prompt.get("droneId").asString()).isEqualTo("d1");
		assertThat(prompt.get("from").asString()).isEqualTo("bob");
		assertThat(prompt.get("expiresAt").asLong()).isEqualTo(this.clock.millis() + 10_000);
		assertThat(pilots.bobReplies().poll(100, TimeUnit.MILLISECONDS)).as("bob's reply waits for alice").isNull();
		this.hub.advance(1);
		assertThat(this.hub.latest("d1").pilot()).isEqualTo("alice");
		JsonNode control = this.hub.newest(watched, "d1").get("control");
		assertThat(control.get("allowTakeover").asBoolean()).isFalse();
		assertThat(control.get("request").get("from").asString()).as("a spectator sees who asks").isEqualTo("bob");
		assertThat(control.get("request").get("expiresAt").asLong()).isEqualTo(prompt.get("expiresAt").asLong());
		assertThat(control.get("request").has("requestId")).as("only alice answers it").isFalse();

		accepted(pilots.alice()
			.request(pilots.aliceReplies(), "/app/control", "{\"droneId\":\"d1\",\"action\":\"GRANT\",\"requestId\":\""
					+ prompt.get("requestId").asString() + "\",\"commandId\":\"a-2\"}", "a-2"));
		accepted(next(pilots.bobReplies()));
		this.hub.advance(1);
		assertThat(this.hub.latest("d1").pilot()).isEqualTo("bob");
		JsonNode handedOver = this.hub.newest(watched, "d1");
		assertThat(handedOver.get("pilot").asString()).isEqualTo("bob");
		assertThat(handedOver.has("control")).isFalse();
		assertThat(pilots.bobAsked()).as("only the pilot in control is asked").isEmpty();
		JsonNode denied = pilots.alice()
			.request(pilots.aliceReplies(), "/app/command",
					"{\"droneId\":\"d1\",\"type\":\"ARM\",\"commandId\":\"a-3\"}", "a-3");
		assertThat(denied.get("code").asString()).isEqualTo("NOT_IN_CONTROL");
		assertThat(HubHarness.eventTypes(pilots.events(), "d1", "CONTROL_GRANTED"))
			.containsSubsequence("CONTROL_ACQUIRED", "CONTROL_REQUESTED", "CONTROL_GRANTED");
	}

	@Test
	void aDeniedRequestAndOneThatTimesOutLeaveTheDroneWithItsPilot() throws Exception {
		Pilots pilots = aliceControls("d2");
		pilots.bob().send("/app/control", "{\"droneId\":\"d2\",\"action\":\"REQUEST\",\"commandId\":\"b-1\"}");
		String requestId = next(pilots.asked()).get("requestId").asString();
		accepted(pilots.alice()
			.request(pilots.aliceReplies(), "/app/control", "{\"droneId\":\"d2\",\"action\":\"DENY\",\"requestId\":\""
					+ requestId + "\",\"commandId\":\"a-2\"}", "a-2"));
		JsonNode denied = next(pilots.bobReplies());
		assertThat(denied.get("commandId").asString()).isEqualTo("b-1");
		assertThat(denied.get("status").asString()).isEqualTo("REJECTED");
		assertThat(denied.get("code").asString()).isEqualTo("DENIED");

		pilots.bob()
			.send("/app/control", "{\"droneId\":\"d2\",\"action\":\"REQUEST\",\"timeoutS\":3,\"commandId\":\"b-2\"}");
		next(pilots.asked());
		long ticks = Duration.ofSeconds(3).dividedBy(this.tick);
		for (long i = 0; i < ticks; i++) {
			this.clock.advance(this.tick);
			this.hub.advance(1);
		}
		this.hub.advance(1);
		JsonNode timedOut = next(pilots.bobReplies());
		assertThat(timedOut.get("commandId").asString()).isEqualTo("b-2");
		assertThat(timedOut.get("code").asString()).isEqualTo("TIMEOUT");
		assertThat(this.hub.latest("d2").pilot()).isEqualTo("alice");
		assertThat(HubHarness.eventTypes(pilots.events(), "d2", "CONTROL_REQUEST_TIMED_OUT")).containsSubsequence(
				"CONTROL_REQUESTED", "CONTROL_DENIED", "CONTROL_REQUESTED", "CONTROL_REQUEST_TIMED_OUT");
	}

	@Test
	void aMalformedControlRequestGetsAnErrorNamingTheField() throws Exception {
		StompTestClient bob = this.hub.connect("bob");
		BlockingQueue<JsonNode> errors = bob.subscribeErrors();

		bob.send("/app/control", "{\"droneId\":\"d3\",\"action\":\"REQUEST\",\"timeoutS\":600}");
		assertThat(next(errors).get("message").asString()).contains("timeoutS must be between 3.0 and 60.0");
		bob.send("/app/control", "{\"droneId\":\"d3\",\"action\":\"GRANT\",\"requestId\":\"nope\"}");
		assertThat(next(errors).get("message").asString()).contains("requestId must be a UUID");
		bob.send("/app/control", "{\"droneId\":\"d3\",\"action\":\"ALLOW_TAKEOVER\"}");
		assertThat(next(errors).get("message").asString()).contains("allow is required");
	}

	/**
	 * Alice and bob signed in, each subscribed to replies and requests, alice controlling
	 * a drone.
	 */
	private Pilots aliceControls(String droneId) throws Exception {
		StompTestClient alice = this.hub.connect("alice");
		StompTestClient bob = this.hub.connect("bob");
		Pilots pilots = new Pilots(alice, bob, this.hub.connect().subscribe("/topic/events"), alice.subscribeReplies(),
				alice.subscribe("/user/queue/control-requests"), bob.subscribeReplies(),
				bob.subscribe("/user/queue/control-requests"));
		accepted(alice.request(pilots.aliceReplies(), "/app/control",
				"{\"droneId\":\"" + droneId + "\",\"action\":\"ACQUIRE\",\"commandId\":\"a-1\"}", "a-1"));
		return pilots;
	}

	private static void accepted(JsonNode reply) {
		assertThat(reply.get("status").asString()).as(reply.toString()).isEqualTo("ACCEPTED");
	}

	/** Two pilots' sessions and what they receive. */
	private record Pilots(StompTestClient alice, StompTestClient bob, BlockingQueue<JsonNode> events,
			BlockingQueue<JsonNode> aliceReplies, BlockingQueue<JsonNode> asked, BlockingQueue<JsonNode> bobReplies,
			BlockingQueue<JsonNode> bobAsked) {
	}

}
