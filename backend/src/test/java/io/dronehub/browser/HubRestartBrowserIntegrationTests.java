package io.dronehub.browser;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.dronehub.HubApplication;
import io.dronehub.StompTestClient;
import io.dronehub.flight.SimulationLoop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page survives its hub going away: it says "reconnecting", and when a hub is back on
 * the same port it says "live" again and shows fresh telemetry and the new hub's events,
 * without a reload. The hub is started and stopped by the test on a fixed free port, with
 * a manual simulation clock and the users of the {@code it} profile.
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
		takeControlOfD1(port);
		try (Browser spectator = Browser.open(1400, 1000)) {
			spectator.get("http://localhost:" + port + "/watch.html?drone=d1");
			spectator.awaitConnection("live");
			spectator.awaitAttribute("[data-instruments]", "data-seq", "25"::equals, "showing the 25th state");
			spectator.awaitText("[data-event-log]", (log) -> log.contains("alice took control"),
					"listing the event from before the page opened");

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
			// ...and its recent events, which replace the old hub's
			spectator.awaitText("[data-event-log]", "No events yet."::equals, "listing the new hub's events: none");
			takeControlOfD1(port);
			spectator.awaitText("[data-event-log]",
					(log) -> log.contains("alice took control") && !log.contains("shutting down"),
					"listing the new hub's events only");
			spectator.screenshot("watch-reconnected");
		}
	}

	private static ConfigurableApplicationContext startHub(int port) {
		return new SpringApplicationBuilder(HubApplication.class).run("--server.port=" + port,
				"--hub.simulation.clock=manual", "--server.shutdown=immediate", "--spring.main.banner-mode=off",
				"--spring.profiles.active=it");
	}

	/**
	 * Makes events on the hub: alice takes control of d1, and releases it by
	 * disconnecting.
	 */
	private static void takeControlOfD1(int port) throws Exception {
		try (StompTestClient alice = StompTestClient.connect(port, "alice", "alice-secret")) {
			BlockingQueue<JsonNode> replies = alice.subscribeReplies();
			JsonNode reply = alice.request(replies, "/app/control",
					"{\"droneId\":\"d1\",\"action\":\"ACQUIRE\",\"commandId\":\"take-d1\"}", "take-d1");
			assertThat(reply.get("status").asString()).as(reply.toString()).isEqualTo("ACCEPTED");
		}
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
