package io.dronehub.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import io.dronehub.StompTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
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
 * The Flights page in real headless Chromium: flights flown over STOMP on a stepped
 * simulation are listed with their numbers, narrowed by the filters and paged, their
 * downloads are real links to the recorder's exports, and a flight's replay view shows
 * its summary, its whole path, its first state and its log.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.fleet.size=4" })
@ActiveProfiles("it")
@Import(SteppedSimulationConfiguration.class)
class FlightsPageBrowserIntegrationTests {

	private static final String[] PAGES = { "/", "/watch.html", "/pilot.html", "/flights.html", "/api.html" };

	private final HttpClient http = HttpClient.newHttpClient();

	private final SteppedSimulation simulation;

	private final RecordedFlights flights;

	FlightsPageBrowserIntegrationTests(@LocalServerPort int port, @Autowired SteppedSimulation simulation) {
		this.simulation = simulation;
		this.flights = new RecordedFlights(port, simulation);
	}

	@BeforeEach
	void chromiumIsInstalled() {
		Browser.assumeInstalled();
	}

	@Test
	void aRecordedFlightIsListedWithItsNumbersAndItsDownloads() throws Exception {
		JsonNode flight = this.flights.fly("d1", "alice", 25);
		String id = flight.get("id").asString();
		try (Browser browser = Browser.open(1400, 1000)) {
			browser.get(url("/"));
			browser.click("nav a[href='/flights.html']");
			browser.awaitAttribute("[data-flight-list]", "data-state", "listed"::equals, "listing flights");
			String row = "[data-flight-id='" + id + "']";
			browser.awaitText(row, (text) -> !text.isEmpty(), "the flight's row");
			assertThat(fact(browser, row, "drone")).isEqualTo("d1");
			assertThat(fact(browser, row, "pilots")).isEqualTo("alice");
			assertThat(fact(browser, row, "start")).isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
				.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(flight.get("startedAt").asLong()),
						ZoneId.systemDefault())));
			assertThat(fact(browser, row, "duration")).isEqualTo(duration(flight)).isNotEqualTo("0:00");
			assertThat(fact(browser, row, "endReason")).isEqualTo("Disarmed");
			assertThat(fact(browser, row, "maxAltitude"))
				.isEqualTo(String.format(Locale.ROOT, "%.1f m", flight.get("maxAltitude").asDouble()));
			assertThat(fact(browser, row, "batteryUsed"))
				.isEqualTo(String.format(Locale.ROOT, "%.1f %%", flight.get("batteryUsed").asDouble()));
			assertThat(fact(browser, row, "frames"))
				.isEqualTo(String.format(Locale.ENGLISH, "%,d", flight.get("frames").asLong()));
			assertThat(flight.get("distance").asDouble()).as("the nudge forward").isGreaterThan(20);
			assertThat(fact(browser, row, "distance")).endsWith(" m");

			for (String format : new String[] { "csv", "ndjson", "mcap" }) {
				WebElement link = browser.find(row + " [data-download=" + format + "]");
				assertThat(link.getDomAttribute("href"))
					.isEqualTo("/api/flights/" + id + "/telemetry?format=" + format);
				assertThat(link.getDomAttribute("download")).as("a download, not a page").isNotNull();
			}
			String csvUrl = browser.find(row + " [data-download=csv]").getDomProperty("href");
			HttpResponse<String> csv = this.http.send(HttpRequest.newBuilder(URI.create(csvUrl)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(csv.statusCode()).isEqualTo(200);
			assertThat(csv.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
			assertThat(csv.headers().firstValue("Content-Disposition"))
				.hasValue("attachment; filename=\"d1-" + id + ".csv\"");
			List<String> lines = csv.body().lines().toList();
			assertThat(lines.get(0)).startsWith("droneId,seq,timestamp,mode,armed,position.lat");
			assertThat(lines).hasSize(flight.get("frames").asInt() + 1);
			assertThat(browser.find(row + " [data-replay-link]").getDomAttribute("href"))
				.isEqualTo("/flights.html?flight=" + id);
			assertThat(browser.consoleErrors()).isEmpty();
			browser.screenshot("flights");
		}
	}

	@Test
	void theFiltersNarrowTheListAndOlderFlightsAreAPageAway() throws Exception {
		String bobs = this.flights.fly("d2", "bob", 0).get("id").asString();
		String alices = this.flights.fly("d3", "alice", 0).get("id").asString();
		try (Browser browser = Browser.open(1400, 1000)) {
			browser.get(url("/flights.html"));
			browser.awaitText("[data-flight-rows]", (text) -> text.contains("d3"), "listing d3's flight");
			assertThat(listed(browser)).contains(bobs, alices);

			browser.type("[data-flight-filters] [name=pilot]", "bob");
			browser.click("[data-flight-filters] [type=submit]");
			await().atMost(StompTestClient.TIMEOUT)
				.untilAsserted(() -> assertThat(listed(browser)).contains(bobs).doesNotContain(alices));
			assertThat(browser.findAll("[data-flight-rows] [data-fact=pilots]")).extracting(WebElement::getText)
				.allMatch((pilots) -> pilots.contains("bob"));
			assertThat(browser.driver().getCurrentUrl()).endsWith("/flights.html?pilot=bob");

			browser.click("[data-flight-filters] [type=reset]");
			await().atMost(StompTestClient.TIMEOUT)
				.untilAsserted(() -> assertThat(listed(browser)).contains(bobs, alices));
			browser.type("[data-flight-filters] [name=drone]", "d3");
			browser.click("[data-flight-filters] [type=submit]");
			await().atMost(StompTestClient.TIMEOUT)
				.untilAsserted(() -> assertThat(listed(browser)).contains(alices).doesNotContain(bobs));

			// the clock of the hub is the simulation's: an hour before the flights, in
			// local time
			String before = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
				.format(LocalDateTime.ofInstant(this.simulation.now().minus(1, ChronoUnit.HOURS),
						ZoneId.systemDefault()));
			browser.get(url("/flights.html?to=" + before));
			browser.awaitAttribute("[data-flight-list]", "data-state", "empty"::equals, "empty");
			assertThat(browser.find("[data-flights-state]").getText()).isEqualTo("No flights match these filters.");
			assertThat(browser.find("[data-flight-filters] [name=to]").getDomProperty("value")).isEqualTo(before);
			browser.get(url("/flights.html?from=" + before + "&drone=d2"));
			browser.awaitText("[data-flight-rows]", (text) -> text.contains("d2"), "listing d2's flight");
			assertThat(listed(browser)).contains(bobs).doesNotContain(alices);
		}
	}

	@Test
	void olderFlightsAreOnTheNextPage() throws Exception {
		for (int i = 0; i < 21; i++) {
			this.flights.hop("d4", "bob");
		}
		try (Browser browser = Browser.open(1400, 1000)) {
			browser.get(url("/flights.html?drone=d4"));
			browser.awaitAttribute("[data-flight-list]", "data-state", "listed"::equals, "listing flights");
			List<String> first = listed(browser);
			assertThat(first).hasSize(20);
			assertThat(browser.find("[data-page=newer]").isEnabled()).isFalse();
			assertThat(browser.find("[data-page-info]").getText()).startsWith("Page 1 of 2").contains("21 flights");
			browser.click("[data-page=older]");
			browser.awaitText("[data-page-info]", (text) -> text.startsWith("Page 2 of 2"), "the second page");
			List<String> second = listed(browser);
			assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
			assertThat(browser.find("[data-page=older]").isEnabled()).isFalse();
			assertThat(browser.driver().getCurrentUrl()).endsWith("/flights.html?drone=d4&page=1");
			browser.driver().navigate().back();
			browser.awaitText("[data-page-info]", (text) -> text.startsWith("Page 1 of 2"), "the first page again");
		}
	}

	@Test
	void theReplayViewShowsTheFlightsSummaryPathFirstStateAndLog() throws Exception {
		JsonNode flight = this.flights.fly("d3", "bob", 30);
		String id = flight.get("id").asString();
		try (Browser browser = Browser.open(1400, 1100)) {
			browser.get(url("/flights.html?drone=d3&pilot=bob"));
			browser.awaitText("[data-flight-id='" + id + "']", (text) -> !text.isEmpty(), "the flight's row");
			browser.click("[data-flight-id='" + id + "'] [data-replay-link]");
			browser.awaitText("[data-replay-title]", "Flight of d3"::equals, "the flight's title");
			assertThat(browser.find("[data-flight-facts] [data-fact=pilots] dd").getText()).isEqualTo("bob");
			assertThat(browser.find("[data-flight-facts] [data-fact=endReason] dd").getText()).isEqualTo("Disarmed");
			assertThat(browser.find("[data-flight-downloads] [data-download=mcap]").getDomAttribute("href"))
				.isEqualTo("/api/flights/" + id + "/telemetry?format=mcap");
			String firstSeq = this.flights.states(id).get(0).get("seq").asString();
			browser.awaitAttribute("[data-instruments]", "data-seq", firstSeq::equals, "the flight's first state");
			assertThat(browser.find("[data-instrument=altitude]").getText()).isEqualTo("0.0 m");
			assertThat(browser.find("[data-instrument=pilot]").getText()).isEqualTo("bob");
			String points = browser.awaitAttribute("[data-replay]", "data-path-points", (count) -> !count.isEmpty(),
					"the path read");
			assertThat(Integer.parseInt(points)).as("a straight hop forward, seen from above, thinned to its ends")
				.isBetween(2, 4);
			browser.awaitText("[data-flight-log]", (log) -> log.contains("TAKEOFF"), "the flight's log");
			assertThat(browser.find("[data-flight-log] li[data-kind=COMMAND][data-reply-status=REJECTED]").getText())
				.contains("DISARM from bob: rejected (COMMAND_DENIED_NOT_LANDED)");
			assertThat(browser.findAll("[data-flight-log] li[data-future=true]")).as("the replay has not reached them")
				.isNotEmpty();
			assertThat(browser.find("[data-flight-log] li").getText()).startsWith("+0:00");
			assertThat(browser.find("[data-replay-total]").getText()).isEqualTo(duration(flight));
			assertThat(browser.find("[data-replay-elapsed]").getText()).isEqualTo("0:00");
			browser.awaitConnection("live");
			assertThat(browser.consoleErrors()).isEmpty();
			browser.screenshot("flight-replay");
		}
	}

	@Test
	void anUnknownFlightAndAnEmptyRecorderAreSaidInWords() throws Exception {
		try (Browser browser = Browser.open(1400, 900)) {
			browser.get(url("/flights.html?flight=3f2b8c1e-0d4a-4c53-9a57-7e1f0b6d2c90"));
			assertThat(browser.awaitText("[data-replay-error]", (text) -> !text.isEmpty(), "an error"))
				.startsWith("There is no such flight");

			deleteEveryFlight();
			browser.get(url("/flights.html"));
			browser.awaitAttribute("[data-flight-list]", "data-state", "empty"::equals, "empty");
			assertThat(browser.find("[data-flights-state]").getText())
				.isEqualTo("No flights recorded yet \u2014 fly one from the console.");
			assertThat(browser.find("[data-flights-state] a").getDomAttribute("href")).isEqualTo("/pilot.html");
			browser.screenshot("flights-empty");
		}
	}

	@Test
	void everyPageLinksToTheFlightsPageAndOnlyItMarksItCurrent() {
		try (Browser browser = Browser.open(1400, 900)) {
			for (String page : PAGES) {
				browser.get(url(page));
				WebElement link = browser.find("header nav a[href='/flights.html']");
				assertThat(link.getText()).as(page).isEqualTo("Flights");
				assertThat(link.getDomAttribute("aria-current")).as(page)
					.isEqualTo(page.equals("/flights.html") ? "page" : null);
			}
		}
	}

	@Test
	void theListAndTheReplayFitAPhonesScreen() throws Exception {
		String id = this.flights.fly("d2", "alice", 10).get("id").asString();
		try (Browser phone = Browser.open(390, 844)) {
			for (String page : new String[] { "/flights.html?drone=d2", "/flights.html?flight=" + id }) {
				phone.get(url(page));
				phone.awaitText("main", (text) -> text.contains("d2"), "showing d2's flight");
				Number overflow = (Number) phone.driver()
					.executeScript(
							"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
				assertThat(overflow.intValue()).as(page + " scrolls sideways on a phone").isLessThanOrEqualTo(0);
			}
			phone.screenshot("flight-replay-phone");
		}
	}

	private static String fact(Browser browser, String row, String key) {
		return browser.find(row + " [data-fact=" + key + "]").getText();
	}

	private static List<String> listed(Browser browser) {
		return browser.findAll("[data-flight-rows] tr")
			.stream()
			.map((row) -> row.getDomAttribute("data-flight-id"))
			.toList();
	}

	private static String duration(JsonNode flight) {
		long seconds = (flight.get("endedAt").asLong() - flight.get("startedAt").asLong()) / 1000;
		return String.format("%d:%02d", seconds / 60, seconds % 60);
	}

	private void deleteEveryFlight() throws Exception {
		for (JsonNode flight : this.flights.api("/api/flights?size=100").get("content")) {
			HttpResponse<String> deleted = this.flights.send("DELETE", "/api/flights/" + flight.get("id").asString(),
					"admin");
			assertThat(deleted.statusCode()).isEqualTo(204);
		}
		assertThat(this.flights.api("/api/flights").at("/page/totalElements").asLong()).isZero();
	}

	private String url(String path) {
		return this.flights.url(path);
	}

}
