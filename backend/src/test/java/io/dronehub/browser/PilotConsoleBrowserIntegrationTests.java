package io.dronehub.browser;

import java.time.Duration;

import io.dronehub.flight.DroneState;
import io.dronehub.flight.FlightMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Signing in and flying from the pilot console in real headless Chromium: keyboard flight
 * with MOVE set-points and click-on-map GOTO. Set-points go out in real time while the
 * simulation is stepped by the test, one tick per poll, so the hub's 1 s dead-man switch
 * counts simulated time. Each test flies its own drone.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.fleet.size=3" })
@ActiveProfiles("it")
@Import(SteppedSimulationConfiguration.class)
class PilotConsoleBrowserIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private SteppedSimulation simulation;

	@BeforeEach
	void chromiumIsInstalled() {
		Browser.assumeInstalled();
	}

	@Test
	void keyboardFlightMovesTheDroneWhileAKeyIsHeldAndHoldsWhenReleased() throws Exception {
		try (Browser pilot = Browser.open(1400, 1000)) {
			takeOff(pilot, "d1");

			new Actions(pilot.driver()).keyDown("w").perform();
			pilot.awaitAttribute("[data-key=KeyW]", "data-held", "true"::equals, "lit while held");
			pilot.awaitText("[data-keyboard-state]", (text) -> text.startsWith("flying d1"), "flying d1");
			DroneState flying = tickUntil("d1",
					(state) -> state.mode() == FlightMode.MANUAL && state.groundSpeed() > 1);
			pilot.awaitText("[data-instrument=mode]", "Manual"::equals, "Manual");
			// W is forward: with the nose north, the drone flies north
			assertThat(flying.velocity().north()).isGreaterThan(1);

			new Actions(pilot.driver()).keyUp("w").perform();
			pilot.awaitAttribute("[data-key=KeyW]", "data-held", "false"::equals, "dark when released");
			pilot.awaitText("[data-keyboard-state]", "idle"::equals, "idle");
			// no more set-points: the drone stops, and the dead-man switch makes it hold
			tickUntil("d1", (state) -> state.mode() == FlightMode.HOLD && state.groundSpeed() < 0.1);
			pilot.awaitText("[data-instrument=mode]", "Holding"::equals, "Holding");
		}
	}

	@Test
	void clickingTheMapSendsTheControlledDroneThere() throws Exception {
		try (Browser pilot = Browser.open(1400, 1000)) {
			takeOff(pilot, "d2");
			DroneState before = this.simulation.latest("d2");

			// up and to the right of the map's centre: north-east of the fleet
			new Actions(pilot.driver()).moveToElement(pilot.find("[data-map]"), 120, -90).click().perform();

			pilot.awaitText("[data-last-reply]", "GOTO d2 at 20 m: accepted."::equals, "GOTO accepted");
			DroneState arrived = tickUntil("d2", (state) -> state.mode() == FlightMode.HOLD
					&& state.position().lat() > before.position().lat() + 1e-5);
			assertThat(arrived.position().lon()).isGreaterThan(before.position().lon());
			assertThat(arrived.position().alt()).isCloseTo(20, org.assertj.core.data.Offset.offset(0.5));
			pilot.awaitText("[data-instrument=mode]", "Holding"::equals, "Holding");
		}
	}

	@Test
	void signingInShowsWhoIsSignedInInsteadOfTheFormAndSigningOutMakesTheConsoleAGuestAgain() {
		try (Browser pilot = Browser.open(1400, 900)) {
			pilot.get("http://localhost:" + this.port + "/pilot.html?drone=d1");
			pilot.awaitConnection("live");
			assertThat(pilot.find("[data-login]").isDisplayed()).isTrue();
			assertThat(pilot.find("[data-signed-in]").isDisplayed()).isFalse();

			pilot.signInWith("alice", "not-her-password");
			pilot.awaitText("[data-login-error]", (text) -> text.contains("invalid login or passcode"),
					"the hub's reason in the form");
			assertThat(pilot.find("[data-login-form]").isDisplayed()).isTrue();
			assertThat(pilot.find("[data-signed-in]").isDisplayed()).isFalse();
			pilot.screenshot("pilot-sign-in-refused");

			pilot.signIn("alice");
			pilot.awaitText("[data-signed-in]", (text) -> text.startsWith("Signed in as alice"), "signed in as alice");
			assertThat(pilot.find("[data-signed-in-name]").getText()).isEqualTo("alice");
			assertThat(pilot.find("[data-login]").isDisplayed()).as("the sign-in form").isFalse();
			assertThat(pilot.find("[data-login-form] input[name=passcode]").getDomProperty("value"))
				.as("the password field")
				.isEmpty();
			assertThat(pilot.find("[data-login-error]").getText()).isEmpty();
			pilot.screenshot("pilot-signed-in");

			pilot.click("[data-action=sign-out]");
			pilot.awaitText("[data-user-name]", (name) -> name.startsWith("guest-"), "a guest again");
			pilot.awaitConnection("live");
			pilot.awaitAttribute("[data-signed-in]", "hidden", (present) -> true, "hidden again");
			assertThat(pilot.find("[data-login]").isDisplayed()).as("the sign-in form").isTrue();
		}
	}

	@Test
	void aPilotAsksForAFlyingDroneAndItsPilotDeniesThenGrantsItFromThePrompt() throws Exception {
		try (Browser alice = Browser.open(1400, 1000); Browser bob = Browser.open(1400, 1000)) {
			takeOff(alice, "d3");
			bob.get("http://localhost:" + this.port + "/pilot.html?drone=d3");
			bob.awaitConnection("live");
			bob.signIn("bob");
			bob.awaitText("[data-control-status]", "d3 is flown by alice: ask for control to fly it."::equals,
					"flown by alice");

			bob.click("[data-action=request]");
			alice.awaitText("[data-control-prompts]", (text) -> text.startsWith("bob asks for control of d3."),
					"the prompt");
			this.simulation.advance(1);
			alice.awaitText("[data-instrument=control]", "bob asks for control, 10 s left"::equals,
					"everyone sees the request");
			bob.awaitText("[data-instrument=control]", "you ask for control, 10 s left"::equals, "bob sees it");
			alice.screenshot("pilot-control-request");
			alice.click("[data-answer=deny]");
			bob.awaitText("[data-last-reply]",
					"Ask for control of d3: rejected \u2014 alice denied the request."::equals, "denied");
			assertThat(this.simulation.latest("d3").pilot()).isEqualTo("alice");

			bob.click("[data-action=request]");
			alice.awaitText("[data-control-prompts]", (text) -> text.contains("s to answer"), "the second prompt");
			alice.click("[data-answer=grant]");
			bob.awaitText("[data-last-reply]", "Ask for control of d3: accepted."::equals, "granted");
			DroneState handedOver = tickUntil("d3", (state) -> "bob".equals(state.pilot()));
			assertThat(handedOver.mode()).isEqualTo(FlightMode.HOLD);
			bob.awaitText("[data-control-status]", "You control d3."::equals, "bob in control");
			alice.awaitText("[data-control-status]", (text) -> text.startsWith("d3 is flown by bob"), "alice sees it");
			bob.screenshot("pilot-control-granted");
		}
	}

	/** Opens the console, takes control of the drone, arms it and takes off to 10 m. */
	private void takeOff(Browser pilot, String droneId) throws Exception {
		pilot.takeControl("http://localhost:" + this.port + "/pilot.html?drone=" + droneId, "alice", droneId);
		pilot.armAndTakeOff(droneId, 10);
		this.simulation.advance(120);
		pilot.awaitText("[data-instrument=mode]", "Holding"::equals, "Holding");
		// leaves the altitude field, so that keys fly the drone; the map, where a click
		// sends a GOTO, is not clicked
		pilot.click("[data-instrument=mode]");
	}

	/**
	 * Steps the simulation one tick at a time, letting the page send between ticks, until
	 * the drone's state matches.
	 */
	private DroneState tickUntil(String droneId, java.util.function.Predicate<DroneState> condition) {
		return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
			this.simulation.advance(1);
			return this.simulation.latest(droneId);
		}, condition::test);
	}

}
