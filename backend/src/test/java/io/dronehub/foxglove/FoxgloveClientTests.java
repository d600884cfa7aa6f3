package io.dronehub.foxglove;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.dronehub.security.TokenBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One connection's subscriptions and writes, with a socket that completes each write only
 * when the test says: ids and channels used once each, the newest message data of a
 * subscription replacing an unwritten one (and the client warned), events and control
 * messages never dropped, nothing sent for a subscription once it ends.
 */
class FoxgloveClientTests {

	private final List<Object> written = new ArrayList<>();

	private final List<SendHandler> pending = new ArrayList<>();

	private final FoxgloveClient client = new FoxgloveClient(proxy(WebSocketSession.class), remote(),
			Duration.ofSeconds(5), 100,
			FoxgloveMeters.register(new SimpleMeterRegistry(), new FoxgloveBridge(JsonMapper.builder().build())),
			new TokenBucket(50, 100, System::nanoTime));

	@Test
	void subscriptionIdsAndChannelsAreUsedOnceEach() {
		assertThat(this.client.subscribe(1, 10, 2)).isNull();
		assertThat(this.client.subscribe(1, 11, 2)).isEqualTo("subscription id 1 is already in use");
		assertThat(this.client.subscribe(2, 10, 2)).isEqualTo("channel 10 is already subscribed as 1");
		assertThat(this.client.subscribe(2, 11, 2)).isNull();
		assertThat(this.client.subscribe(3, 12, 2)).isEqualTo("too many subscriptions: at most 2");
		assertThat(this.client.unsubscribe(1)).isTrue();
		assertThat(this.client.unsubscribe(1)).isFalse();
		assertThat(this.client.subscriptionCount()).isEqualTo(1);
	}

	@Test
	void theNewestMessageOfASubscriptionReplacesAnUnwrittenOneAndEventsAreKept() {
		this.client.subscribe(7, 10, 10);
		this.client.subscribe(8, 1, 10);
		this.client.publish(10, 1, payload("seq 1"), true);
		assertThat(this.written).hasSize(1);
		this.client.publish(10, 2, payload("seq 2"), true);
		this.client.publish(1, 2, payload("event A"), false);
		this.client.publish(10, 3, payload("seq 3"), true);
		this.client.publish(1, 3, payload("event B"), false);
		this.client.publish(99, 3, payload("not subscribed"), true);
		completeAll();
		assertThat(this.written).map(FoxgloveClientTests::describe)
			.containsExactly("7: seq 1", "8: event A", "status: Send buffer limit reached", "8: event B", "7: seq 3");
		assertThat(this.client.conflatedCount()).isEqualTo(1);
	}

	@Test
	void nothingIsSentForASubscriptionOnceItEnds() {
		this.client.subscribe(7, 10, 10);
		this.client.send("{\"op\":\"advertise\",\"channels\":[]}");
		this.client.publish(10, 1, payload("seq 1"), true);
		this.client.unsubscribe(7);
		this.client.publish(10, 2, payload("seq 2"), true);
		completeAll();
		assertThat(this.written).map(FoxgloveClientTests::describe).containsExactly("advertise");
	}

	private void completeAll() {
		while (!this.pending.isEmpty()) {
			this.pending.remove(0).onResult(new SendResult());
		}
	}

	private static byte[] payload(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String describe(Object message) {
		if (message instanceof String text) {
			return text.contains("\"status\"") ? "status: " + text.replaceAll(".*\"message\":\"([^:]*):.*", "$1")
					: text.replaceAll(".*\"op\":\"([a-z]+)\".*", "$1");
		}
		ByteBuffer frame = ((ByteBuffer) message).duplicate().order(ByteOrder.LITTLE_ENDIAN);
		int subscription = frame.getInt(1);
		byte[] payload = new byte[frame.remaining() - 13];
		frame.position(13);
		frame.get(payload);
		return subscription + ": " + new String(payload, StandardCharsets.UTF_8);
	}

	private RemoteEndpoint.Async remote() {
		return (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { RemoteEndpoint.Async.class }, (proxy, method, args) -> {
					switch (method.getName()) {
						case "sendText", "sendBinary" -> {
							this.written.add(args[0]);
							this.pending.add((SendHandler) args[1]);
						}
						default -> {
						}
					}
					return null;
				});
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type) {
		return (T) Proxy.newProxyInstance(FoxgloveClientTests.class.getClassLoader(), new Class<?>[] { type },
				(proxy, method, args) -> method.getName().equals("getId") ? "session-1" : null);
	}

}
