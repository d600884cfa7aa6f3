package io.dronehub.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flights page in real headless Chromium on a hub whose recorder is off: it says so
 * instead of showing an empty list.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.recorder.enabled=false" })
@ActiveProfiles("it")
class FlightsPageWithoutRecorderBrowserIntegrationTests {

	@LocalServerPort
	private int port;

	@BeforeEach
	void chromiumIsInstalled() {
		Browser.assumeInstalled();
	}

	@Test
	void theFlightsPageSaysTheRecorderIsOff() {
		try (Browser browser = Browser.open(1400, 800)) {
			browser.get("http://localhost:" + this.port + "/flights.html");
			browser.awaitAttribute("[data-flight-list]", "data-state", "error"::equals, "an error");
			assertThat(browser.find("[data-flights-state]").getText())
				.startsWith("The flight recorder is off on this hub")
				.contains("hub.recorder.enabled=false");
			assertThat(browser.find("[data-flights-table]").isDisplayed()).isFalse();
			browser.screenshot("flights-recorder-off");
		}
	}

}
