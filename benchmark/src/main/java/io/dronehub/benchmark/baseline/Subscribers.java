package io.dronehub.benchmark.baseline;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The sessions subscribed to telemetry, each with its subscription id and destination:
 * the fleet's topic or one drone's. A session's sends are serialised on the session
 * itself, as Tomcat forbids concurrent sends on one session; a send that fails closes the
 * session.
 */
@Component
class Subscribers {

	/** The fleet's topic: every drone's states. */
	static final String TELEMETRY = "/topic/telemetry";

	private static final Pattern DRONE_TOPIC = Pattern.compile("/topic/drones/d(\\d+)/telemetry");

	private final Map<String, Subscriber> bySessionId = new ConcurrentHashMap<>();

	void add(WebSocketSession session, String subscriptionId, String destination) {
		if (TELEMETRY.equals(destination)) {
			this.bySessionId.put(session.getId(), new Subscriber(session, subscriptionId, destination, 0));
			return;
		}
		Matcher drone = DRONE_TOPIC.matcher(destination);
		if (drone.matches()) {
			this.bySessionId.put(session.getId(),
					new Subscriber(session, subscriptionId, destination, Integer.parseInt(drone.group(1))));
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
	 * @param destination the topic it subscribed to
	 * @param drone the number of the one drone it watches, or 0 for the whole fleet
	 */
	record Subscriber(WebSocketSession session, String subscriptionId, String destination, int drone) {

		boolean watches(int droneNumber) {
			return this.drone == 0 || this.drone == droneNumber;
		}

	}

}
