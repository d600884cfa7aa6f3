package io.dronehub.foxglove;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.dronehub.security.SecurityProperties;
import io.dronehub.security.TokenBucket;
import jakarta.websocket.Session;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * The hub's end of the Foxglove WebSocket protocol at {@code /foxglove}: read-only, so it
 * takes {@code subscribe} and {@code unsubscribe} and answers anything else (other
 * operations, client messages, malformed JSON, unknown channels, reused subscription ids)
 * with an error {@code status}, changing nothing. Requests count against the STOMP
 * command rate ({@code hub.security.limits.commands-per-second} and
 * {@code command-burst}): beyond it they are dropped, each with an error {@code status}.
 */
final class FoxgloveEndpoint extends AbstractWebSocketHandler {

	private final FoxgloveBridge bridge;

	private final JsonMapper json;

	private final Duration stallTimeout;

	private final int maxQueued;

	private final int maxSubscriptions;

	private final FoxgloveMeters meters;

	private final SecurityProperties.Limits limits;

	private final Map<String, FoxgloveClient> clients = new ConcurrentHashMap<>();

	FoxgloveEndpoint(FoxgloveBridge bridge, JsonMapper json, Duration stallTimeout, int maxQueued, int maxSubscriptions,
			FoxgloveMeters meters, SecurityProperties.Limits limits) {
		this.bridge = bridge;
		this.json = json;
		this.stallTimeout = stallTimeout;
		this.maxQueued = maxQueued;
		this.maxSubscriptions = maxSubscriptions;
		this.meters = meters;
		this.limits = limits;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		Session jakarta = ((NativeWebSocketSession) session).getNativeSession(Session.class);
		FoxgloveClient client = new FoxgloveClient(session, jakarta.getAsyncRemote(), this.stallTimeout, this.maxQueued,
				this.meters,
				new TokenBucket(this.limits.commandsPerSecond(), this.limits.commandBurst(), System::nanoTime));
		this.clients.put(session.getId(), client);
		this.bridge.join(client);
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		FoxgloveClient client = this.clients.get(session.getId());
		if (client == null) {
			return;
		}
		JsonNode request;
		try {
			request = this.json.readTree(message.getPayload());
		}
		catch (JacksonException ex) {
			error(client, "malformed JSON: " + ex.getOriginalMessage());
			return;
		}
		if (!client.tryRequest()) {
			error(client, "too many requests: at most " + this.limits.commandsPerSecond()
					+ " a second; this one was dropped");
			return;
		}
		String op = request.path("op").asString("");
		switch (op) {
			case "subscribe" -> subscribe(client, request.path("subscriptions"));
			case "unsubscribe" -> unsubscribe(client, request.path("subscriptionIds"));
			default -> error(client, op.isEmpty() ? "a message needs an op"
					: "unsupported op " + op + ": this hub is read-only (subscribe and unsubscribe only)");
		}
	}

	@Override
	protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
		FoxgloveClient client = this.clients.get(session.getId());
		if (client != null) {
			error(client, "this hub takes no client messages: it is read-only (no clientPublish)");
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		FoxgloveClient client = this.clients.remove(session.getId());
		if (client != null) {
			this.bridge.leave(client);
		}
	}

	private void subscribe(FoxgloveClient client, JsonNode subscriptions) {
		if (!subscriptions.isArray()) {
			error(client, "subscribe needs subscriptions: [{id, channelId}]");
			return;
		}
		for (JsonNode subscription : subscriptions) {
			JsonNode id = subscription.path("id");
			JsonNode channel = subscription.path("channelId");
			if (!isId(id) || !isId(channel)) {
				error(client, "a subscription needs an id and a channelId, whole numbers from 0: " + subscription);
				continue;
			}
			if (!this.bridge.exists(channel.asInt())) {
				error(client, "unknown channel " + channel.asInt());
				continue;
			}
			String refusal = client.subscribe(id.asInt(), channel.asInt(), this.maxSubscriptions);
			if (refusal != null) {
				error(client, refusal);
			}
		}
	}

	private void unsubscribe(FoxgloveClient client, JsonNode ids) {
		if (!ids.isArray()) {
			error(client, "unsubscribe needs subscriptionIds: [id]");
			return;
		}
		for (JsonNode id : ids) {
			if (!isId(id) || !client.unsubscribe(id.asInt())) {
				error(client, "unknown subscription " + id);
			}
		}
	}

	private static boolean isId(JsonNode id) {
		return id.isIntegralNumber() && id.canConvertToInt() && id.asInt() >= 0;
	}

	private static void error(FoxgloveClient client, String message) {
		client.send(FoxgloveMessages.status(FoxgloveMessages.ERROR, message));
	}

}
