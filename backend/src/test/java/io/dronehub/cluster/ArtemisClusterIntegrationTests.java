package io.dronehub.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;

import io.dronehub.StompTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.health.contributor.Status;

import static io.dronehub.HubHarness.assertNoGapsPerDrone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cluster's scenarios over an ActiveMQ Artemis broker embedded in the test JVM, so
 * that they need nothing installed, and the loss and return of that broker.
 */
class ArtemisClusterIntegrationTests extends ClusterIntegrationTests {

	private static EmbeddedArtemis broker;

	@BeforeAll
	static void startBroker() {
		broker = new EmbeddedArtemis();
	}

	@AfterAll
	static void stopBroker() throws Exception {
		broker.close();
	}

	@Override
	int brokerPort() {
		return broker.port();
	}

	@Test
	void aNodeThatLosesTheBrokerSaysSoKeepsServingItsOwnDronesAndRecoversByItself() throws Exception {
		awaitSpread();
		String own = this.a.simulatedIds().get(0);
		String other = this.b.simulatedIds().get(0);
		StompTestClient spectator = connect(this.a);
		BlockingQueue<JsonNode> events = spectator.subscribe("/topic/events");
		BlockingQueue<JsonNode> ownStates = spectator.subscribe("/topic/drones/" + own + "/telemetry");
		BlockingQueue<JsonNode> otherStates = spectator.subscribe("/topic/drones/" + other + "/telemetry");
		List<JsonNode> seenOwn = new ArrayList<>();
		List<JsonNode> seenOther = new ArrayList<>();
		awaitEveryDrone(List.of(ownStates), List.of(seenOwn), Set.of(own));
		awaitEveryDrone(List.of(otherStates), List.of(seenOther), Set.of(other));
		ClusterHealthIndicator health = this.a.context.getBean(ClusterHealthIndicator.class);

		broker.stop();
		awaitEvent(events, "BROKER_LOST");
		assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
		List<JsonNode> ownWhileAway = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			awaitEveryDrone(List.of(ownStates), List.of(ownWhileAway), Set.of(own));
		}
		assertNoGapsPerDrone(ownWhileAway);

		broker.start();
		awaitEvent(events, "BROKER_RECOVERED");
		await().atMost(StompTestClient.TIMEOUT).until(() -> health.health().getStatus().equals(Status.UP));
		StompTestClient.drain(otherStates);
		List<JsonNode> otherAgain = new ArrayList<>();
		awaitEveryDrone(List.of(otherStates), List.of(otherAgain), Set.of(other));
		assertThat(otherAgain).isNotEmpty();
	}

	private static void awaitEvent(BlockingQueue<JsonNode> events, String type) {
		await().atMost(StompTestClient.TIMEOUT)
			.until(() -> StompTestClient.drain(events)
				.stream()
				.anyMatch((event) -> event.get("type").asString().equals(type)));
	}

}
