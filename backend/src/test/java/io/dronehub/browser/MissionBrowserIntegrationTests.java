package io.dronehub.browser;

import java.time.Duration;
import java.util.function.Predicate;

import io.dronehub.flight.DroneState;
import io.dronehub.flight.FlightMode;
import io.dronehub.flight.MissionState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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
 * A mission planned on the console's map and flown, in real headless Chromium: four
 * clicks make four waypoints, Upload and Start fly them from the ground, a second
 * browser's dashboard follows the progress, and the pilot pauses, takes over with W and
 * resumes. The simulation is stepped by the test.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.fleet.size=2" })
@ActiveProfiles("it")
@Import(SteppedSimulationConfiguration.class)
class MissionBrowserIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private SteppedSimulation simulation;

	@BeforeEach
	void chromiumIsInstalled() {
		Browser.assumeInstalled();
	}

	@Test
	void aPilotPlansAFourPointMissionOnTheMapFliesItPausesTakesOverAndResumes() throws Exception {
		try (Browser pilot = Browser.open(1400, 1100); Browser spectator = Browser.open(1400, 1000)) {
			pilot.takeControl("http://localhost:" + this.port + "/pilot.html?drone=d1", "alice", "d1");

			pilot.click("[data-mission-plan]");
			pilot.awaitText("[data-mission-plan]", "Done planning"::equals, "planning");
			for (int[] offset : new int[][] { { 80, -80 }, { 200, -80 }, { 200, 40 }, { 80, 40 } }) {
				new Actions(pilot.driver()).moveToElement(pilot.find("[data-map]"), offset[0], offset[1])
					.click()
					.perform();
			}
			new Actions(pilot.driver()).moveToElement(pilot.find("[data-map]"), 140, 140).click().perform();
			pilot.awaitText("[data-mission-summary]", (text) -> text.startsWith("5 waypoints"), "a fifth");
			new Actions(pilot.driver()).sendKeys(Keys.DELETE).perform();
			pilot.awaitText("[data-mission-summary]", (text) -> text.startsWith("4 waypoints"), "the fifth deleted");
			assertThat(pilot.driver().findElements(By.cssSelector("[data-waypoints] li"))).hasSize(4);
			pilot.screenshot("mission-planned");

			pilot.click("[data-mission=UPLOAD]");
			pilot.awaitText("[data-last-reply]", "Upload mission mission-1 (4 waypoints) for d1: accepted."::equals,
					"uploaded");
			this.simulation.advance(1);
			pilot.awaitText("[data-mission-progress]", "Mission mission-1: ready, 4 waypoints."::equals, "ready");
			pilot.click("[data-mission-plan]");
			pilot.click("[data-mission=START]");
			pilot.awaitText("[data-last-reply]", "Start d1\u2019s mission: accepted."::equals, "started");

			spectator.get("http://localhost:" + this.port + "/watch.html?drone=d1");
			spectator.awaitConnection("live");
			DroneState second = fly((state) -> state.mission() != null && state.mission().current() == 1);
			assertThat(second.mode()).isEqualTo(FlightMode.MISSION);
			spectator.awaitText("[data-instrument=mission]", "mission-1: flying to waypoint 2 of 4"::equals,
					"the spectator follows");
			spectator.screenshot("mission-watched");

			pilot.click("[data-mission=PAUSE]");
			pilot.awaitText("[data-last-reply]", "Pause d1\u2019s mission: accepted."::equals, "paused");
			fly((state) -> state.mode() == FlightMode.HOLD);
			pilot.awaitText("[data-instrument=mission]", "mission-1: paused at waypoint 2 of 4"::equals, "paused");

			pilot.click("[data-instrument=mode]");
			new Actions(pilot.driver()).keyDown("w").perform();
			tick((state) -> state.mode() == FlightMode.MANUAL && state.groundSpeed() > 1);
			new Actions(pilot.driver()).keyUp("w").perform();
			tick((state) -> state.mode() == FlightMode.HOLD);
			assertThat(this.simulation.latest("d1").mission().state()).isEqualTo(MissionState.PAUSED);

			pilot.click("[data-mission=RESUME]");
			pilot.awaitText("[data-last-reply]", "Resume d1\u2019s mission: accepted."::equals, "resumed");
			DroneState finished = fly(
					(state) -> state.mission() != null && state.mission().state() == MissionState.FINISHED);
			assertThat(finished.mode()).isEqualTo(FlightMode.HOLD);
			spectator.awaitText("[data-instrument=mission]", "mission-1: finished, 4 of 4"::equals, "finished");
			pilot.screenshot("mission-finished");
		}
	}

	/**
	 * Steps five ticks per poll until d1's state matches: a mission takes simulated
	 * minutes.
	 */
	private DroneState fly(Predicate<DroneState> condition) {
		return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
			this.simulation.advance(5);
			return this.simulation.latest("d1");
		}, condition::test);
	}

	/**
	 * Steps one tick per poll, letting the page send its set-points between ticks, until
	 * d1's state matches.
	 */
	private DroneState tick(Predicate<DroneState> condition) {
		return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
			this.simulation.advance(1);
			return this.simulation.latest("d1");
		}, condition::test);
	}

}
