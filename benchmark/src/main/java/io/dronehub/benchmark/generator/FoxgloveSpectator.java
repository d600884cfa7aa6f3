package io.dronehub.benchmark.generator;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A spectator over the Foxglove WebSocket protocol: subscribes to every advertised
 * channel whose topic matches, and records each drone state of its message data, as
 * {@link SpectatorConnection} does for STOMP. Ready once it has subscribed.
 */
final class FoxgloveSpectator extends StompConnection {

	/** Opcode, subscription id and timestamp before the payload of Message Data. */
	private static final int HEADER_BYTES = 1 + 4 + 8;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final SeqTracker sequences = new SeqTracker();

	private final DeliveryStats stats;

	private final Pattern topics;

	private int nextSubscription;

	FoxgloveSpectator(ConnectionRegistry registry, DeliveryStats stats, Pattern topics) {
		super(registry, null, null);
		this.stats = stats;
		this.topics = topics;
	}

	@Override
	void onHandshake(ChannelHandlerContext ctx) {
		// the server speaks first: serverInfo, then advertise
	}

	@Override
	void onWebSocketFrame(WebSocketFrame message, long receivedMillis) {
		ByteBuf content = message.content();
		if (message instanceof BinaryWebSocketFrame) {
			if (content.readableBytes() > HEADER_BYTES && content.getByte(content.readerIndex()) == 1) {
				TelemetryFields fields = TelemetryFields.read(content, content.readerIndex() + HEADER_BYTES,
						content.writerIndex());
				long skipped = this.sequences.accept(Math.max(fields.droneNumber(), 0), fields.seq());
				this.stats.delivered(fields, receivedMillis, skipped);
			}
			return;
		}
		if (message instanceof TextWebSocketFrame) {
			JsonNode op = json.readTree(content.toString(StandardCharsets.UTF_8));
			if (op.path("op").asString("").equals("advertise")) {
				subscribe(op.path("channels"));
			}
		}
	}

	private void subscribe(JsonNode channels) {
		StringBuilder subscriptions = new StringBuilder();
		for (JsonNode channel : channels) {
			if (this.topics.matcher(channel.path("topic").asString("")).matches()) {
				subscriptions.append(subscriptions.isEmpty() ? "" : ",")
					.append("{\"id\":")
					.append(this.nextSubscription++)
					.append(",\"channelId\":")
					.append(channel.path("id").asInt())
					.append('}');
			}
		}
		if (subscriptions.isEmpty()) {
			return;
		}
		channel()
			.writeAndFlush(new TextWebSocketFrame("{\"op\":\"subscribe\",\"subscriptions\":[" + subscriptions + "]}"));
		if (!isReady()) {
			ready();
		}
	}

	@Override
	void onConnected(Channel channel) {
	}

	@Override
	void onMessage(StompFrame frame, long receivedMillis) {
	}

}
