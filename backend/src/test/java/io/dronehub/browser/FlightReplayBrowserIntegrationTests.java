package io.dronehub.browser;

import java.time.Duration;
import java.util.List;

import io.dronehub.SteppingClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recorded flight replayed on the Flights page in real headless Chromium: the hub paces
 * the replay by its clock, which only the test moves, so every position the page shows is
 * known exactly; play, pause, the speed, the slider, the log's times and the end are used
 * as a person would.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.fleet.size=4" })
@ActiveProfiles("it")
@Import(SteppedSimulationConfiguration.class)
class FlightReplayBrowserIntegrationTests {

	private static final String CONTROLS = "[data-replay-controls]";

	private static final String TOGGLE = "[data-replay-toggle]";

	private static final String SLIDER = "[data-replay-slider]";

	private final RecordedFlights flights;

	private final SteppingClock clock;

	FlightReplayBrowserIntegrationTests(@LocalServerPort int port, @Autowired SteppedSimulation simulation,
			@Autowired SteppingClock clock) {
		this.flights = new RecordedFlights(port, simulation);
		this.clock = clock;
	}

	@BeforeEach
	void chromiumIsInstalled() {
		Browser.assumeInstalled();
	}

	@Test
	void playingFollowsTheHubsClockAtItsSpeedAndPauseHoldsIt() throws Exception {
		Replayed flight = record("d1", "alice");
		try (Browser browser = open(flight)) {
			String chartAtStart = canvas(browser, "[data-chart=altitude]");
			browser.click(TOGGLE);
			awaitReplay(browser, "PLAYING", 0);
			browser.awaitText(TOGGLE, "Pause"::equals, "a Pause button");
			assertThat(browser.find("[data-replay-label]").getText()).isEqualTo("Playing at 1\u00d7");

			this.clock.advance(Duration.ofSeconds(2));
			awaitShown(browser, flight, 2000);
			assertThat(browser.find("[data-replay-elapsed]").getText()).isEqualTo("0:02");
			assertThat(browser.find(SLIDER).getDomProperty("value")).isEqualTo("2000");
			assertThat(browser.find("[data-instrument=altitude]").getDomAttribute("data-value"))
				.isEqualTo(flight.stateAt(2000).at("/position/alt").asString());
			assertThat(canvas(browser, "[data-chart=altitude]")).as("the altitude chart, two seconds on")
				.isNotEqualTo(chartAtStart);

			browser.click(TOGGLE);
			awaitReplay(browser, "PAUSED", 2000);
			browser.awaitText(TOGGLE, "Play"::equals, "a Play button");
			assertThat(browser.find("[data-replay-label]").getText()).isEqualTo("Paused");
			this.clock.advance(Duration.ofSeconds(3));
			browser.click(TOGGLE);
			awaitReplay(browser, "PLAYING", 2000);
			assertThat(browser.find("[data-instruments]").getDomAttribute("data-seq"))
				.as("where it paused, though the clock moved 3 s")
				.isEqualTo(flight.stateAt(2000).get("seq").asString());

			new Select(browser.find("[data-replay-speed]")).selectByValue("4");
			browser.awaitText("[data-replay-label]", "Playing at 4\u00d7"::equals, "playing at 4x");
			awaitReplay(browser, "PLAYING", 2000);
			this.clock.advance(Duration.ofSeconds(1));
			awaitShown(browser, flight, 6000);
			assertThat(browser.find("[data-replay-elapsed]").getText()).isEqualTo("0:06");
			browser.screenshot("flight-replay-playing");
			assertThat(statusesShown(browser)).as("a new speed replaces the replay without stopping it")
				.containsSubsequence("PLAYING", "PAUSED", "PLAYING")
				.doesNotContain("STOPPED", "ENDED");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void theSliderAndTheLogsTimesSeekPlayingOrPaused() throws Exception {
		Replayed flight = record("d2", "bob");
		long moving = flight.positionOf(flight.states()
			.stream()
			.filter((state) -> state.get("groundSpeed").asDouble() > 2)
			.findFirst()
			.orElseThrow());
		try (Browser browser = open(flight)) {
			new Select(browser.find("[data-replay-speed]")).selectByValue("4");
			browser.click(TOGGLE);
			awaitReplay(browser, "PLAYING", 0);
			this.clock.advance(Duration.ofSeconds(2));
			awaitShown(browser, flight, 8000);

			WebElement slider = browser.find(SLIDER);
			int width = slider.getRect().getWidth();
			new Actions(browser.driver()).moveToElement(slider, -width / 2 + 40, 0)
				.clickAndHold()
				.moveByOffset(20, 0)
				.release()
				.perform();
			browser.awaitAttribute(CONTROLS, "data-waiting", "false"::equals, "seeked where the slider was dropped");
			long dropped = Long.parseLong(browser.find(CONTROLS).getDomAttribute("data-position-ms"));
			assertThat(dropped).as("dragged back near the start").isGreaterThan(0).isLessThan(8000);
			assertThat(Long.parseLong(browser.find(SLIDER).getDomProperty("value"))).isEqualTo(dropped);
			awaitShown(browser, flight, dropped);
			this.clock.advance(Duration.ofMillis(500));
			awaitShown(browser, flight, dropped + 2000);

			browser.click(TOGGLE);
			awaitReplay(browser, "PAUSED", dropped + 2000);
			String mapBefore = canvas(browser, "[data-map]");
			setSlider(browser, moving);
			awaitShown(browser, flight, moving);
			awaitReplay(browser, "PAUSED", moving);
			assertThat(browser.find(TOGGLE).getText()).isEqualTo("Play");
			this.clock.advance(Duration.ofSeconds(2));
			browser.click(TOGGLE);
			awaitReplay(browser, "PLAYING", moving);
			this.clock.advance(Duration.ofSeconds(1));
			awaitShown(browser, flight, moving + 4000);
			assertThat(canvas(browser, "[data-map]")).as("the map, with the drone 4 s further on its hop")
				.isNotEqualTo(mapBefore);

			WebElement land = browser.findAll("[data-flight-log] li[data-kind=COMMAND]")
				.stream()
				.filter((line) -> line.getText().contains("LAND from"))
				.findFirst()
				.orElseThrow()
				.findElement(By.cssSelector("[data-seek-to]"));
			long landing = Long.parseLong(land.getDomAttribute("data-seek-to"));
			land.click();
			awaitReplay(browser, "PLAYING", landing);
			this.clock.advance(Duration.ofMillis(500));
			awaitShown(browser, flight, landing + 2000);
			assertThat(browser.find("[data-instrument=mode]").getText()).isEqualTo("Landing");
			assertThat(statusesShown(browser)).doesNotContain("STOPPED", "ENDED");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void theEndShowsEndedAndPlayAgainStartsOver() throws Exception {
		Replayed flight = record("d3", "alice");
		try (Browser browser = open(flight)) {
			new Select(browser.find("[data-replay-speed]")).selectByValue("32");
			browser.click(TOGGLE);
			awaitReplay(browser, "PLAYING", 0);
			this.clock.advance(Duration.ofMillis(flight.durationMs() / 32 + 1000));
			awaitReplay(browser, "ENDED", flight.durationMs());
			assertThat(browser.find("[data-replay-label]").getText()).isEqualTo("Ended");
			assertThat(browser.find(TOGGLE).getText()).isEqualTo("Play again");
			assertThat(browser.find("[data-replay-elapsed]").getText())
				.isEqualTo(browser.find("[data-replay-total]").getText());
			assertThat(browser.find("[data-instruments]").getDomAttribute("data-seq"))
				.isEqualTo(flight.states().get(flight.states().size() - 1).get("seq").asString());
			assertThat(browser.find("[data-instrument=mode]").getText()).isEqualTo("Disarmed");
			assertThat(browser.findAll("[data-flight-log] li[data-future=true]")).as("the whole log is behind it")
				.isEmpty();
			List<WebElement> log = browser.findAll("[data-flight-log] li");
			assertThat(log.get(log.size() - 1).getDomAttribute("data-current")).as("the last entry, the latest reached")
				.isEqualTo("true");
			assertThat(browser.findAll("[data-flight-log] li[data-current=true]")).hasSize(1);

			browser.click(TOGGLE);
			awaitReplay(browser, "PLAYING", 0);
			awaitShown(browser, flight, 0);
			this.clock.advance(Duration.ofMillis(250));
			awaitShown(browser, flight, 8000);
			assertThat(browser.findAll("[data-flight-log] li[data-future=true]")).isNotEmpty();
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	private Replayed record(String droneId, String pilot) throws Exception {
		JsonNode flight = this.flights.fly(droneId, pilot, 30);
		List<JsonNode> states = this.flights.states(flight.get("id").asString());
		assertThat(states.get(0).get("timestamp").asLong()).as("the flight starts at its first state")
			.isEqualTo(flight.get("startedAt").asLong());
		return new Replayed(flight, states);
	}

	/** Opens the flight's replay view, live and showing the flight's first state. */
	private Browser open(Replayed flight) {
		Browser browser = Browser.open(1400, 1000);
		browser.get(this.flights.url("/flights.html?flight=" + flight.id()));
		browser.awaitConnection("live");
		browser.awaitAttribute("[data-instruments]", "data-seq", flight.stateAt(0).get("seq").asString()::equals,
				"the flight's first state");
		browser.awaitAttribute("[data-replay]", "data-path-points", (count) -> !count.isEmpty(), "the path read");
		browser.driver().executeScript("""
				const controls = document.querySelector('[data-replay-controls]');
				window.replayStatuses = [];
				new MutationObserver(() => {
					const status = controls.dataset.replayStatus;
					if (window.replayStatuses.at(-1) !== status) {
						window.replayStatuses.push(status);
					}
				}).observe(controls, { attributes: true, attributeFilter: ['data-replay-status'] });
				""");
		return browser;
	}

	/**
	 * Waits until the replay the page asked for has started and stands at a status and
	 * position.
	 */
	private static void awaitReplay(Browser browser, String status, long positionMs) {
		browser.awaitAttribute(CONTROLS, "data-waiting", "false"::equals, "not waiting for the hub");
		browser.awaitAttribute(CONTROLS, "data-replay-status", status::equals, status);
		browser.awaitAttribute(CONTROLS, "data-position-ms", String.valueOf(positionMs)::equals,
				"at " + positionMs + " ms");
	}

	/**
	 * Waits until the replay has reached a position and the instruments show the state
	 * recorded last by then.
	 */
	private static void awaitShown(Browser browser, Replayed flight, long positionMs) {
		browser.awaitAttribute(CONTROLS, "data-position-ms", String.valueOf(positionMs)::equals,
				"at " + positionMs + " ms");
		browser.awaitAttribute("[data-instruments]", "data-seq",
				flight.stateAt(positionMs).get("seq").asString()::equals,
				"the state recorded at " + positionMs + " ms");
	}

	/**
	 * Moves the slider as the keyboard or a drag does: input events while it moves,
	 * change where it stops.
	 */
	private static void setSlider(Browser browser, long valueMs) {
		browser.driver().executeScript("""
				const slider = arguments[0];
				slider.value = String(arguments[1]);
				slider.dispatchEvent(new Event('input', { bubbles: true }));
				slider.dispatchEvent(new Event('change', { bubbles: true }));
				""", browser.find(SLIDER), valueMs);
	}

	private static String canvas(Browser browser, String css) {
		return (String) browser.driver().executeScript("return arguments[0].toDataURL();", browser.find(css));
	}

	@SuppressWarnings("unchecked")
	private static List<String> statusesShown(Browser browser) {
		return (List<String>) browser.driver().executeScript("return window.replayStatuses;");
	}

	/**
	 * A recorded flight and its states.
	 *
	 * @param flight the flight as the API lists it
	 * @param states its states, in recorded order
	 */
	private record Replayed(JsonNode flight, List<JsonNode> states) {

		String id() {
			return this.flight.get("id").asString();
		}

		long durationMs() {
			return this.flight.get("endedAt").asLong() - this.flight.get("startedAt").asLong();
		}

		long positionOf(JsonNode state) {
			return state.get("timestamp").asLong() - this.flight.get("startedAt").asLong();
		}

		/**
		 * The state recorded last at or before a position: the one a replay there shows.
		 */
		JsonNode stateAt(long positionMs) {
			JsonNode shown = this.states.get(0);
			for (JsonNode state : this.states) {
				if (positionOf(state) <= positionMs) {
					shown = state;
				}
			}
			return shown;
		}

	}

}
