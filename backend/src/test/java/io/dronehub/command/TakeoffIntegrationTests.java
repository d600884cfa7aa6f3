package io.dronehub.command;

import java.util.concurrent.BlockingQueue;

import io.dronehub.HubHarness;
import io.dronehub.StompTestClient;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.FlightMode;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.outbound.SessionWriters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A take-off redirected over real STOMP, as an independent client would: a NUDGE UP sent
 * a metre below the take-off altitude hops from that altitude, and a MOVE during the
 * climb flies by hand at once. The simulation is stepped by the test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.fleet.size=2" })
@ActiveProfiles("it")
class TakeoffIntegrationTests {

	private final HubHarness hub;

	TakeoffIntegrationTests(@LocalServerPort int port, @Autowired SimulationLoop simulation,
			@Autowired SessionWriters<?> writers) {
		this.hub = new HubHarness(port, simulation, writers);
	}

	@AfterEach
	void disconnect() {
		this.hub.close();
	}

	@Test
	void aNudgeNearTheEndOfATakeoffIsAcceptedAndHopsFromItsAltitude() throws Exception {
		StompTestClient pilot = this.hub.connect("alice");
		BlockingQueue<JsonNode> replies = pilot.subscribeReplies();
		pilot.takeOff(replies, "d1", 10);
		DroneState near = climbUntil("d1", 9.0);
		assertThat(near.mode()).as("the take-off completes within 0.8 m of 10 m").isEqualTo(FlightMode.TAKEOFF);

		accepted(pilot.request(replies, "/app/command",
				"{\"droneId\":\"d1\",\"type\":\"NUDGE\",\"direction\":\"UP\",\"distance\":5,\"commandId\":\"n\"}",
				"n"));

		DroneState held = tickUntil("d1", FlightMode.HOLD);
		assertThat(held.position().alt()).as("10 m of the take-off, then 5 m up").isBetween(14.2, 15.8);
	}

	@Test
	void aMoveDuringTheClimbFliesByHandAtOnce() throws Exception {
		StompTestClient pilot = this.hub.connect("bob");
		BlockingQueue<JsonNode> replies = pilot.subscribeReplies();
		pilot.takeOff(replies, "d2", 15);
		climbUntil("d2", 3);

		accepted(pilot.request(replies, "/app/command",
				"{\"droneId\":\"d2\",\"type\":\"MOVE\",\"forward\":3,\"right\":0,\"up\":0,\"yawRate\":0,\"commandId\":\"m\"}",
				"m"));

		this.hub.advance(1);
		DroneState manual = this.hub.latest("d2");
		assertThat(manual.mode()).isEqualTo(FlightMode.MANUAL);
		assertThat(manual.position().alt()).isLessThan(5);
	}

	private DroneState climbUntil(String droneId, double altitude) throws Exception {
		for (int i = 0; i < 600; i++) {
			this.hub.advance(1);
			DroneState state = this.hub.latest(droneId);
			if (state.position().alt() >= altitude) {
				return state;
			}
		}
		throw new AssertionError(droneId + " did not climb to " + altitude + " m: " + this.hub.latest(droneId));
	}

	private DroneState tickUntil(String droneId, FlightMode mode) throws Exception {
		for (int i = 0; i < 600; i++) {
			this.hub.advance(1);
			DroneState state = this.hub.latest(droneId);
			if (state.mode() == mode) {
				return state;
			}
		}
		throw new AssertionError(droneId + " never reached " + mode + ": " + this.hub.latest(droneId));
	}

	private static void accepted(JsonNode reply) {
		assertThat(reply.get("status").asString()).as(reply.toString()).isEqualTo("ACCEPTED");
	}

}
