package io.dronehub.benchmark.baseline;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The sessions subscribed to the telemetry topic, each with its subscription id. A
 * session's sends are serialised on the session itself, as Tomcat forbids concurrent
 * sends on one session; a send that fails closes the session.
 */
@Component
class Subscribers {

	/** The only destination the floor server publishes. */
	static final String TELEMETRY = "/topic/telemetry";

	private final Map<String, Subscriber> bySessionId = new ConcurrentHashMap<>();

	void add(WebSocketSession session, String subscriptionId, String destination) {
		if (TELEMETRY.equals(destination)) {
			this.bySessionId.put(session.getId(), new Subscriber(session, subscriptionId));
		}
	}

	void remove(WebSocketSession session) {
		this.bySessionId.remove(session.getId());
	}

	Collection<Subscriber> all() {
		return this.bySessionId.values();
	}

	/**
	 * Sends one message, blocking while the socket is full.
	 * @param session the session
	 * @param message the message
	 */
	void send(WebSocketSession session, TextMessage message) {
		try {
			synchronized (session) {
				session.sendMessage(message);
			}
		}
		catch (IOException | IllegalStateException ex) {
			remove(session);
			try {
				session.close();
			}
			catch (IOException ignored) {
				// already broken
			}
		}
	}

	/**
	 * A subscribed session.
	 *
	 * @param session the WebSocket session
	 * @param subscriptionId the id the client gave its subscription
	 */
	record Subscriber(WebSocketSession session, String subscriptionId) {
	}

}
