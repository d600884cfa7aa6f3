package io.dronehub.foxglove;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.dronehub.StompTestClient;
import io.dronehub.flight.SimulationLoop;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad input on {@code /foxglove}: each gets an error {@code status} naming the problem,
 * the connection stays open, its good subscription keeps receiving, and so does another
 * client.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.fleet.size=2" })
@ActiveProfiles("it")
class FoxgloveHostileClientsIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private SimulationLoop simulation;

	@Autowired
	private MeterRegistry meters;

	@Test
	void badInputIsAnsweredWithAnErrorStatusAndChangesNothing() throws Exception {
		this.simulation.advance(1).get();
		Client hostile = connect();
		Client bystander = connect();
		int telemetry = hostile.channel("/drones/d1/telemetry");
		bystander.channel("/drones/d1/telemetry");
		hostile.text("{\"op\":\"subscribe\",\"subscriptions\":[{\"id\":7,\"channelId\":" + telemetry + "}]}");
		bystander.text("{\"op\":\"subscribe\",\"subscriptions\":[{\"id\":3,\"channelId\":" + telemetry + "}]}");

		hostile.text("{not json");
		assertThat(hostile.status()).startsWith("malformed JSON: ");
		hostile.text("{\"op\":\"clientAdvertise\",\"channels\":[]}");
		assertThat(hostile.status())
			.isEqualTo("unsupported op clientAdvertise: this hub is read-only (subscribe and unsubscribe only)");
		hostile.text("{\"subscriptions\":[]}");
		assertThat(hostile.status()).isEqualTo("a message needs an op");
		hostile.text("{\"op\":\"subscribe\",\"subscriptions\":[{\"id\":8,\"channelId\":999}]}");
		assertThat(hostile.status()).isEqualTo("unknown channel 999");
		hostile.text("{\"op\":\"subscribe\",\"subscriptions\":[{\"id\":7,\"channelId\":1}]}");
		assertThat(hostile.status()).isEqualTo("subscription id 7 is already in use");
		hostile.text("{\"op\":\"subscribe\",\"subscriptions\":[{\"id\":-1,\"channelId\":1.5}]}");
		assertThat(hostile.status()).startsWith("a subscription needs an id and a channelId");
		hostile.text("{\"op\":\"subscribe\",\"subscriptions\":{}}");
		assertThat(hostile.status()).isEqualTo("subscribe needs subscriptions: [{id, channelId}]");
		hostile.text("{\"op\":\"unsubscribe\",\"subscriptionIds\":[42]}");
		assertThat(hostile.status()).isEqualTo("unknown subscription 42");
		hostile.socket.sendBinary(ByteBuffer.wrap(new byte[] { 1, 0, 0, 0, 0 }), true).join();
		assertThat(hostile.status()).isEqualTo("this hub takes no client messages: it is read-only (no clientPublish)");
		for (int i = 0; i < 500; i++) {
			hostile.text("{\"op\":\"subscribe\",\"subscriptions\":[{\"id\":100,\"channelId\":1}]}");
			hostile.text("{\"op\":\"unsubscribe\",\"subscriptionIds\":[100]}");
		}
		assertThat(hostile.status()).as("a flood of requests")
			.isEqualTo("too many requests: at most 50 a second; this one was dropped");

		this.simulation.advance(1).get();
		assertThat(hostile.nextBinary().get(0)).as("message data still flows").isEqualTo((byte) 1);
		assertThat(bystander.nextBinary().get(0)).isEqualTo((byte) 1);
		assertThat(hostile.socket.isOutputClosed()).isFalse();
		assertThat(this.meters.get("hub.foxglove.delivered").counter().count()).isGreaterThanOrEqualTo(2);
		// other tests of this context may hold connections of their own: count ours going
		double connections = gauge("hub.foxglove.connections");
		double subscriptions = gauge("hub.foxglove.subscriptions");
		hostile.socket.abort();
		bystander.socket.abort();
		await().atMost(StompTestClient.TIMEOUT).untilAsserted(() -> {
			assertThat(gauge("hub.foxglove.connections")).isEqualTo(connections - 2);
			// the flood may have left the hostile client's id 100 subscribed, or not
			assertThat(gauge("hub.foxglove.subscriptions")).isLessThanOrEqualTo(subscriptions - 2);
		});
	}

	private double gauge(String name) {
		return this.meters.get(name).gauge().value();
	}

	private Client connect() throws Exception {
		Client client = new Client();
		client.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.subprotocols("foxglove.websocket.v1")
			.buildAsync(URI.create("ws://localhost:" + this.port + "/foxglove"), client)
			.get(10, TimeUnit.SECONDS);
		return client;
	}

	/** A raw protocol client that keeps what it receives. */
	private static final class Client implements WebSocket.Listener {

		private final BlockingQueue<JsonNode> texts = new LinkedBlockingQueue<>();

		private final BlockingQueue<ByteBuffer> binaries = new LinkedBlockingQueue<>();

		private final StringBuilder partial = new StringBuilder();

		private WebSocket socket;

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				this.texts.add(json.readTree(this.partial.toString()));
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
			ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
			this.binaries.add(copy);
			webSocket.request(1);
			return null;
		}

		void text(String message) {
			this.socket.sendText(message, true).join();
		}

		int channel(String topic) throws InterruptedException {
			while (true) {
				JsonNode message = next();
				if (message.get("op").asString().equals("advertise")) {
					for (JsonNode channel : message.get("channels")) {
						if (channel.get("topic").asString().equals(topic)) {
							return channel.get("id").asInt();
						}
					}
				}
			}
		}

		String status() throws InterruptedException {
			JsonNode message;
			do {
				message = next();
			}
			while (!message.get("op").asString().equals("status"));
			assertThat(message.get("level").asInt()).isEqualTo(2);
			return message.get("message").asString();
		}

		ByteBuffer nextBinary() throws InterruptedException {
			ByteBuffer frame;
			do {
				frame = this.binaries.poll(StompTestClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
				assertThat(frame).as("a binary message").isNotNull();
			}
			while (frame.get(0) != 1);
			return frame;
		}

		private JsonNode next() throws InterruptedException {
			JsonNode message = this.texts.poll(StompTestClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			assertThat(message).as("a text message").isNotNull();
			return message;
		}

	}

}
