package io.dronehub.browser;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.dronehub.HubApplication;
import io.dronehub.flight.SimulationLoop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A page survives its hub going away: it says "reconnecting", and when a hub is back on
 * the same port it says "live" again and shows fresh telemetry, without a reload. The hub
 * is started and stopped by the test on a fixed free port, with a manual simulation
 * clock.
 */
@Tag("browser")
class HubRestartBrowserIntegrationTests {

	private @Nullable ConfigurableApplicationContext hub;

	@AfterEach
	void stopHub() {
		if (this.hub != null) {
			this.hub.close();
		}
	}

	@Test
	void pageReconnectsAndResubscribesAfterTheHubRestarts() throws Exception {
		Browser.assumeInstalled();
		int port = freePort();
		this.hub = startHub(port);
		advance(this.hub, 25);
		try (Browser spectator = Browser.open(1400, 1000)) {
			spectator.get("http://localhost:" + port + "/watch.html?drone=d1");
			spectator.awaitConnection("live");
			spectator.awaitAttribute("[data-instruments]", "data-seq", "25"::equals, "showing the 25th state");

			this.hub.close();
			this.hub = null;
			spectator.awaitConnection("reconnecting");
			spectator.awaitText("[data-connection]", (text) -> text.toLowerCase(Locale.ROOT).startsWith("reconnecting"),
					"saying reconnecting");

			this.hub = startHub(port);
			spectator.awaitConnection("live");
			// the new hub counts from the start again: the page takes its fleet
			// snapshot...
			spectator.awaitAttribute("[data-instruments]", "data-seq", "0"::equals, "showing the new hub's snapshot");
			// ...and its telemetry, so it subscribed again
			advance(this.hub, 3);
			spectator.awaitAttribute("[data-instruments]", "data-seq", "3"::equals, "showing the new hub's 3rd state");
			spectator.screenshot("watch-reconnected");
		}
	}

	private static ConfigurableApplicationContext startHub(int port) {
		return new SpringApplicationBuilder(HubApplication.class).run("--server.port=" + port,
				"--hub.simulation.clock=manual", "--server.shutdown=immediate", "--spring.main.banner-mode=off");
	}

	private static void advance(ConfigurableApplicationContext hub, int ticks) throws Exception {
		hub.getBean(SimulationLoop.class).advance(ticks).get(10, TimeUnit.SECONDS);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

}
