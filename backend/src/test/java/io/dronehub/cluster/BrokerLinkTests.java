package io.dronehub.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link BrokerLink} against an embedded Artemis broker and, where its STOMP
 * plugin answers on 127.0.0.1:61613, RabbitMQ.
 */
class BrokerLinkTests {

	private static final String TOPIC = "/topic/hub.test";

	private static final byte[] PROBE = "{\"probe\":true}".getBytes(StandardCharsets.UTF_8);

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	private final List<BrokerLink> links = new ArrayList<>();

	private @Nullable EmbeddedArtemis artemis;

	BrokerLinkTests() {
		this.scheduler.setThreadNamePrefix("broker-link-tests-");
		this.scheduler.initialize();
	}

	@AfterEach
	void stopLinksThenTheBroker() throws IOException {
		this.links.forEach(BrokerLink::stop);
		this.scheduler.shutdown();
		if (this.artemis != null) {
			this.artemis.close();
		}
	}

	@Test
	void whatOneNodePublishesEveryNodeReceivesByteForByteInOrderThroughArtemis() {
		everyNodeReceivesWhatOneNodePublishes(startArtemis().port());
	}

	@Test
	void whatOneNodePublishesEveryNodeReceivesByteForByteInOrderThroughRabbitMq() {
		LocalRabbitMq.assumeAnswers();
		everyNodeReceivesWhatOneNodePublishes(LocalRabbitMq.STOMP_PORT);
	}

	@Test
	void aLinkThatLosesTheBrokerRefusesToPublishThenReconnectsAndResubscribesByItself() {
		EmbeddedArtemis artemis = startArtemis();
		MeterRegistry meters = new SimpleMeterRegistry();
		BrokerLink publisher = link("n1", artemis.port(), meters);
		BrokerLink subscriber = link("n2", artemis.port(), new SimpleMeterRegistry());
		BlockingQueue<String> transitions = new LinkedBlockingQueue<>();
		publisher.addListener(new BrokerLinkListener() {

			@Override
			public void linkUp() {
				transitions.add("up");
			}

			@Override
			public void linkDown(String reason) {
				transitions.add("down: " + reason);
			}

		});
		BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
		subscriber.subscribe(TOPIC, received::add);
		start(publisher, subscriber);
		awaitFlowing(publisher, received);

		artemis.stop();
		await().until(() -> !publisher.connected());
		await().until(() -> transitions.size() == 2);
		assertThat(transitions.poll()).isEqualTo("up");
		assertThat(transitions.poll()).startsWith("down: ").hasSizeGreaterThan("down: ".length());
		double unsent = meters.get("hub.cluster.messages.unsent").counter().count();
		assertThat(publisher.publish(TOPIC, PROBE)).isFalse();
		assertThat(meters.get("hub.cluster.messages.unsent").counter().count()).isEqualTo(unsent + 1);
		assertThat(meters.get("hub.cluster.broker.connected").gauge().value()).isZero();
		await().during(Duration.ofMillis(2500))
			.atMost(Duration.ofSeconds(5))
			.until(() -> transitions.isEmpty() && !publisher.connected());

		artemis.start();
		await().atMost(Duration.ofSeconds(15)).until(() -> publisher.connected() && subscriber.connected());
		await().until(() -> !transitions.isEmpty());
		assertThat(transitions).containsExactly("up");
		assertThat(meters.get("hub.cluster.broker.connected").gauge().value()).isOne();
		received.clear();
		awaitFlowing(publisher, received);
	}

	/**
	 * Two nodes subscribe, one before it starts and one after; one publishes 200 JSON
	 * frames of 30 B to 12 KB: each node receives them all, as they were sent, in order,
	 * one at a time.
	 */
	private void everyNodeReceivesWhatOneNodePublishes(int port) {
		MeterRegistry meters = new SimpleMeterRegistry();
		BrokerLink publisher = link("n1", port, meters);
		BrokerLink subscriber = link("n2", port, new SimpleMeterRegistry());
		Deliveries atPublisher = new Deliveries();
		Deliveries atSubscriber = new Deliveries();
		subscriber.subscribe(TOPIC, atSubscriber);
		start(publisher, subscriber);
		publisher.subscribe(TOPIC, atPublisher);
		awaitFlowing(publisher, atSubscriber.frames);
		awaitFlowing(publisher, atPublisher.frames);

		List<byte[]> sent = new ArrayList<>();
		for (int seq = 0; seq < 200; seq++) {
			byte[] frame = ("{\"seq\":" + seq + ",\"node\":\"n1\",\"pad\":\"" + "äé€\\\"\\n:".repeat(seq * 5) + "\"}")
				.getBytes(StandardCharsets.UTF_8);
			sent.add(frame);
			assertThat(publisher.publish(TOPIC, frame)).isTrue();
		}
		assertThat(sent.get(sent.size() - 1)).hasSizeGreaterThan(8_000);
		for (Deliveries deliveries : List.of(atSubscriber, atPublisher)) {
			await().until(() -> deliveries.withoutProbes().size() == sent.size());
			assertThat(deliveries.withoutProbes()).usingElementComparator(Arrays::compare)
				.containsExactlyElementsOf(sent);
			assertThat(deliveries.threads).hasSize(1);
		}
		await().until(() -> meters.get("hub.cluster.messages").tag("direction", "sent").counter().count() >= 200);
		assertThat(meters.get("hub.cluster.messages").tag("direction", "received").counter().count())
			.isGreaterThanOrEqualTo(sent.size());
		assertThat(meters.get("hub.cluster.broker.connected").gauge().value()).isOne();
	}

	private EmbeddedArtemis startArtemis() {
		EmbeddedArtemis artemis = new EmbeddedArtemis();
		this.artemis = artemis;
		return artemis;
	}

	private BrokerLink link(String nodeId, int port, MeterRegistry meters) {
		Binder binder = new Binder(new MapConfigurationPropertySource(
				Map.of("hub.cluster.node-id", nodeId, "hub.cluster.broker.port", String.valueOf(port))));
		BrokerLink link = new BrokerLink(binder.bindOrCreate("hub.cluster", ClusterProperties.class), this.scheduler,
				meters);
		this.links.add(link);
		return link;
	}

	private static void start(BrokerLink... links) {
		for (BrokerLink link : links) {
			link.start();
		}
		await().until(() -> Arrays.stream(links).allMatch(BrokerLink::connected));
	}

	/**
	 * Publish probes until one arrives: the broker has taken the subscription, which
	 * {@link BrokerLink#connected()} only says was sent.
	 */
	private static void awaitFlowing(BrokerLink publisher, BlockingQueue<byte[]> received) {
		await().until(() -> publisher.publish(TOPIC, PROBE) && received.poll() != null);
	}

	/** The frames a subscription handler is given, and the threads it runs on. */
	private static final class Deliveries implements Consumer<byte[]> {

		final BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();

		final Set<String> threads = ConcurrentHashMap.newKeySet();

		@Override
		public void accept(byte[] frame) {
			this.threads.add(Thread.currentThread().getName());
			this.frames.add(frame);
		}

		List<byte[]> withoutProbes() {
			return this.frames.stream().filter((frame) -> !Arrays.equals(frame, PROBE)).toList();
		}

	}

}
