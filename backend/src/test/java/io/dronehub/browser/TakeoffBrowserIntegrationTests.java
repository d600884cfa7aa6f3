package io.dronehub.browser;

import java.time.Duration;
import java.util.function.Predicate;

import io.dronehub.flight.DroneState;
import io.dronehub.flight.FlightMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A take-off that the pilot redirects from the console in real headless Chromium: the
 * keyboard flies the drone by hand while it still climbs. The simulation is stepped by
 * the test, one tick per poll, so set-points go out between ticks.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.fleet.size=1" })
@ActiveProfiles("it")
@Import(SteppedSimulationConfiguration.class)
class TakeoffBrowserIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private SteppedSimulation simulation;

	@BeforeEach
	void chromiumIsInstalled() {
		Browser.assumeInstalled();
	}

	@Test
	void thePilotSteersWithTheKeyboardWhileTheDroneIsStillClimbing() throws Exception {
		try (Browser pilot = Browser.open(1400, 1000)) {
			pilot.takeControl("http://localhost:" + this.port + "/pilot.html?drone=d1", "alice", "d1");
			pilot.armAndTakeOff("d1", 15);
			DroneState climbing = tickUntil("d1", (state) -> state.position().alt() > 3);
			assertThat(climbing.mode()).isEqualTo(FlightMode.TAKEOFF);
			pilot.click("[data-instrument=mode]");

			new Actions(pilot.driver()).keyDown("w").perform();
			DroneState steered = tickUntil("d1",
					(state) -> state.mode() == FlightMode.MANUAL && state.groundSpeed() > 1);
			new Actions(pilot.driver()).keyUp("w").perform();

			assertThat(steered.position().alt()).as("still below the 15 m it was climbing to").isLessThan(14);
			pilot.awaitText("[data-instrument=mode]", "Manual"::equals, "Manual");
			assertThat(pilot.find("[data-reply-log]").getText()).doesNotContain("rejected");
			tickUntil("d1", (state) -> state.mode() == FlightMode.HOLD);
		}
	}

	private DroneState tickUntil(String droneId, Predicate<DroneState> condition) {
		return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
			this.simulation.advance(1);
			return this.simulation.latest(droneId);
		}, condition::test);
	}

}
