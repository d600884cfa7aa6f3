package io.dronehub.benchmark.baseline;

import org.junit.jupiter.api.Test;

import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;

class SubscribersTests {

	private final Subscribers subscribers = new Subscribers();

	@Test
	void aSubscriberOfTheFleetTopicWatchesEveryDrone() {
		this.subscribers.add(session(), "sub-0", "/topic/telemetry");

		Subscribers.Subscriber subscriber = this.subscribers.all().iterator().next();
		assertThat(subscriber.destination()).isEqualTo("/topic/telemetry");
		assertThat(subscriber.watches(1)).isTrue();
		assertThat(subscriber.watches(10)).isTrue();
	}

	@Test
	void aSubscriberOfOneDronesTopicWatchesThatDroneOnly() {
		this.subscribers.add(session(), "sub-0", "/topic/drones/d12/telemetry");

		Subscribers.Subscriber subscriber = this.subscribers.all().iterator().next();
		assertThat(subscriber.subscriptionId()).isEqualTo("sub-0");
		assertThat(subscriber.destination()).isEqualTo("/topic/drones/d12/telemetry");
		assertThat(subscriber.watches(12)).isTrue();
		assertThat(subscriber.watches(1)).isFalse();
	}

	@Test
	void otherDestinationsAreIgnored() {
		this.subscribers.add(session(), "sub-0", "/topic/events");
		this.subscribers.add(session(), "sub-1", "/topic/drones/x/telemetry");

		assertThat(this.subscribers.all()).isEmpty();
	}

	private static StandardWebSocketSession session() {
		return new StandardWebSocketSession(null, null, null, null);
	}

}
