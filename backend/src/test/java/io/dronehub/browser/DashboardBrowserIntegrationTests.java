package io.dronehub.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;

import io.dronehub.StompTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The spectator dashboard and the pilot console in real headless Chromium against a
 * running hub, and what every page shares: an icon and a console without errors. The
 * simulation only moves when a test steps it ({@code hub.simulation.clock=manual}), and
 * its clock moves with it, so what the pages show is deterministic. Tests share one hub
 * and each uses its own drone.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hub.simulation.clock=manual")
@ActiveProfiles("it")
@Import(SteppedSimulationConfiguration.class)
class DashboardBrowserIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private SteppedSimulation simulation;

	@BeforeEach
	void chromiumIsInstalled() {
		Browser.assumeInstalled();
	}

	@Test
	void spectatorPageShowsTheFleetOnLoadBeforeAnyTick() {
		long ticksBefore = this.simulation.ticks();
		try (Browser spectator = Browser.open(1400, 1000)) {
			spectator.get(url("/watch.html?drone=d3"));
			spectator.awaitConnection("live");
			spectator.awaitText("[data-drone-picker]", (text) -> text.replaceAll("\\s+", " ").trim().equals("d1 d2 d3"),
					"listing the three drones");
			spectator.awaitAttribute("[data-instruments]", "data-drone", "d3"::equals, "showing d3");
			spectator.awaitText("[data-instrument=mode]", "Disarmed"::equals, "Disarmed");
			spectator.awaitText("[data-instrument=altitude]", "0.0 m"::equals, "0.0 m");
			spectator.awaitText("[data-instrument=battery]", "100 %"::equals, "100 %");
			spectator.awaitText("[data-instrument=pilot]", "Nobody"::equals, "Nobody");

			spectator.get(url("/"));
			spectator.awaitConnection("live");
			assertThat(spectator.awaitText("[data-fleet-cards]", (text) -> text.contains("d3"), "showing d3"))
				.contains("d1", "d2", "d3");
			assertThat(spectator.findAll("[data-fleet-cards] [data-drone-id]")).hasSize(3);
			spectator.screenshot("index");
		}
		assertThat(this.simulation.ticks()).as("the fleet came from /app/fleet, not from a tick")
			.isEqualTo(ticksBefore);
	}

	@Test
	void aDashboardOpenedAfterEventsShowsThemAndThenLiveOnesOnceEach() throws Exception {
		try (StompTestClient pilot = StompTestClient.connect(this.port, "alice", "alice-secret");
				Browser spectator = Browser.open(1400, 1000)) {
			BlockingQueue<JsonNode> replies = pilot.subscribeReplies();
			accepted(pilot, replies, "/app/control", "action", "ACQUIRE", "e-1");
			accepted(pilot, replies, "/app/command", "type", "ARM", "e-2");
			accepted(pilot, replies, "/app/command", "type", "DISARM", "e-3");
			accepted(pilot, replies, "/app/control", "action", "RELEASE", "e-4");

			spectator.get(url("/watch.html?drone=d3"));
			spectator.awaitConnection("live");
			spectator.awaitText("[data-event-log]", (log) -> log.contains("released control"),
					"listing the events from before the page opened");
			assertThat(d3Events(spectator)).containsExactly("CONTROL_RELEASED", "MODE_CHANGED", "MODE_CHANGED",
					"CONTROL_ACQUIRED");

			// time passes between a pilot's actions: events differ by their time
			this.simulation.advance(1);
			accepted(pilot, replies, "/app/control", "action", "ACQUIRE", "e-5");
			await().atMost(StompTestClient.TIMEOUT)
				.untilAsserted(() -> assertThat(d3Events(spectator)).containsExactly("CONTROL_ACQUIRED",
						"CONTROL_RELEASED", "MODE_CHANGED", "MODE_CHANGED", "CONTROL_ACQUIRED"));
			spectator.screenshot("watch-recent-events");
			accepted(pilot, replies, "/app/control", "action", "RELEASE", "e-6");
		}
	}

	@Test
	void spectatorSeesThePilotTakeOffAndThePilotsName() throws Exception {
		try (Browser spectator = Browser.open(1400, 1000); Browser pilot = Browser.open(1400, 1100)) {
			spectator.get(url("/watch.html?drone=d1"));
			spectator.awaitConnection("live");
			String pilotName = "alice";
			pilot.takeControl(url("/pilot.html?drone=d1"), pilotName, "d1");
			pilot.armAndTakeOff("d1", 12);

			this.simulation.advance(10);
			double first = spectator.awaitAltitude((altitude) -> altitude > 0, "above the ground");
			spectator.awaitText("[data-instrument=pilot]", pilotName::equals, "the pilot's name " + pilotName);
			spectator.awaitText("[data-instrument=mode]", "Taking off"::equals, "Taking off");
			this.simulation.advance(20);
			double second = spectator.awaitAltitude((altitude) -> altitude > first, "higher than " + first + " m");
			assertThat(second).isGreaterThan(first);
			pilot.awaitText("[data-instrument=pilot]", (pilotName + " (you)")::equals, "the pilot as you");

			// climb to 12 m, then fly forward so the map has a trail and the charts a
			// history
			this.simulation.advance(120);
			spectator.awaitAltitude((altitude) -> Math.abs(altitude - 12) < 0.5, "about 12 m");
			spectator.awaitText("[data-instrument=mode]", "Holding"::equals, "Holding");
			pilot.type("[data-field=nudge-distance]", "25");
			pilot.click("[data-nudge=FORWARD]");
			pilot.awaitText("[data-last-reply]", "NUDGE d1 FORWARD 25 m: accepted."::equals, "NUDGE accepted");
			this.simulation.advance(40);
			spectator.awaitText("[data-instrument=groundSpeed]", (speed) -> !speed.equals("0.0 m/s"), "moving");
			spectator.awaitText("[data-event-log]", (log) -> log.toLowerCase(Locale.ROOT).contains("control taken"),
					"listing the control event");
			spectator.screenshot("watch");
			pilot.screenshot("pilot");
		}
	}

	@Test
	void rejectedCommandShowsTheHubsReason() {
		try (Browser pilot = Browser.open(1400, 1000)) {
			pilot.takeControl(url("/pilot.html?drone=d2"), "bob", "d2");

			pilot.click("[data-command=TAKEOFF]");

			String reply = pilot.awaitText("[data-last-reply]", (text) -> text.contains("ARM first"),
					"the reason TAKEOFF was rejected");
			assertThat(reply).startsWith("TAKEOFF d2 to 15 m: rejected");
			pilot.awaitAttribute("[data-reply-log] li", "data-kind", "error"::equals, "shown as an error");
		}
	}

	@Test
	void aGuestWhoTriesToFlyIsToldToSignIn() {
		try (Browser guest = Browser.open(1400, 1000)) {
			guest.get(url("/pilot.html?drone=d3"));
			guest.awaitConnection("live");
			guest.awaitText("[data-user-name]", (name) -> name.startsWith("guest-"), "a guest name");
			guest.click("[data-action=acquire]");
			guest.awaitText("[data-reply-log]", (log) -> log.contains("sign in as a pilot to fly"),
					"the reason a guest may not fly");
			assertThat(this.simulation.latest("d3").pilot()).isNull();
		}
	}

	@Test
	void phoneWidthPagesFitTheScreen() {
		try (Browser phone = Browser.open(390, 844)) {
			for (String page : new String[] { "watch", "pilot" }) {
				phone.get(url("/" + page + ".html?drone=d3"));
				phone.awaitConnection("live");
				phone.awaitAttribute("[data-instruments]", "data-drone", "d3"::equals, "showing d3");
				Number overflow = (Number) phone.driver()
					.executeScript(
							"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
				assertThat(overflow.intValue()).as(page + " scrolls sideways on a phone").isLessThanOrEqualTo(0);
				phone.screenshot(page + "-phone");
			}
		}
	}

	@Test
	void everyPageLoadsWithoutConsoleErrors() {
		try (Browser browser = Browser.open(1400, 1000)) {
			for (String page : new String[] { "/", "/watch.html", "/pilot.html" }) {
				browser.get(url(page));
				browser.awaitConnection("live");
				assertThat(browser.consoleErrors()).as("console errors of " + page).isEmpty();
			}
			browser.get(url("/api.html"));
			browser.awaitAttribute("[data-api-status]", "data-state", "live"::equals, "loaded");
			assertThat(browser.consoleErrors()).as("console errors of /api.html").isEmpty();
		}
	}

	@Test
	void theFaviconBrowsersAskForOnTheirOwnIsServed() throws Exception {
		HttpResponse<byte[]> icon = this.http.send(HttpRequest.newBuilder(URI.create(url("/favicon.ico"))).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(icon.statusCode()).isEqualTo(200);
		assertThat(icon.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("image/"));
		// an ICO file starts with a reserved 0, then type 1: icon
		assertThat(icon.body()).startsWith(0, 0, 1, 0);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** The types of the events the log lists about d3, newest first. */
	private static List<String> d3Events(Browser browser) {
		return browser.findAll("[data-event-log] li[data-drone-id=d3]")
			.stream()
			.map((line) -> line.getDomAttribute("data-event-type"))
			.toList();
	}

	/** Sends a control request or command about d3 and asserts that it was accepted. */
	private static void accepted(StompTestClient pilot, BlockingQueue<JsonNode> replies, String destination,
			String field, String value, String commandId) throws InterruptedException {
		String body = "{\"droneId\":\"d3\",\"" + field + "\":\"" + value + "\",\"commandId\":\"" + commandId + "\"}";
		JsonNode reply = pilot.request(replies, destination, body, commandId);
		assertThat(reply.get("status").asString()).as(reply.toString()).isEqualTo("ACCEPTED");
	}

}
