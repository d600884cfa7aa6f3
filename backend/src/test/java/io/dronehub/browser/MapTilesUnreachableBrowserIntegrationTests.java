package io.dronehub.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A tile server that does not answer: the map says so in a corner and draws everything
 * else as without tiles.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.map.tile-url=http://127.0.0.1:9/{z}/{x}/{y}.png",
				"hub.map.attribution=© nobody" })
@ActiveProfiles("it")
@Import(SteppedSimulationConfiguration.class)
class MapTilesUnreachableBrowserIntegrationTests {

	@LocalServerPort
	private int port;

	@BeforeEach
	void chromiumIsInstalled() {
		Browser.assumeInstalled();
	}

	@Test
	void tilesThatDoNotLoadAreSaidOnTheMapAndTheOverlaysStay() {
		try (Browser spectator = Browser.open(1400, 1000)) {
			spectator.get("http://localhost:" + this.port + "/watch.html?drone=d1");
			spectator.awaitConnection("live");
			spectator.awaitAttribute("[data-map]", "data-tiles", "failed"::equals, "tiles failed");
			spectator.awaitText("[data-instrument=mode]", "Disarmed"::equals, "the instruments go on");
			spectator.screenshot("map-tiles-failed");
		}
	}

}
