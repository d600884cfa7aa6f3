package io.dronehub.benchmark.baseline;

import java.io.IOException;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * Speaks just enough STOMP for a spectator: CONNECTED for CONNECT, a subscription for
 * SUBSCRIBE, RECEIPT for a DISCONNECT that asks for one. Each WebSocket message is taken
 * to hold one client frame, as browsers' clients send them.
 */
@Component
class BaselineStompHandler extends TextWebSocketHandler implements SubProtocolCapable {

	private static final TextMessage CONNECTED = new TextMessage("CONNECTED\nversion:1.2\nheart-beat:0,0\n\n\0");

	private final Subscribers subscribers;

	BaselineStompHandler(Subscribers subscribers) {
		this.subscribers = subscribers;
	}

	@Override
	public List<String> getSubProtocols() {
		return List.of("v12.stomp", "v11.stomp", "v10.stomp");
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
		String frame = message.getPayload();
		String command = frame.substring(0, Math.max(frame.indexOf('\n'), 0)).trim();
		switch (command) {
			case "CONNECT", "STOMP" -> this.subscribers.send(session, CONNECTED);
			case "SUBSCRIBE" -> this.subscribers.add(session, header(frame, "id"), header(frame, "destination"));
			case "UNSUBSCRIBE" -> this.subscribers.remove(session);
			case "DISCONNECT" -> {
				this.subscribers.remove(session);
				String receipt = header(frame, "receipt");
				if (!receipt.isEmpty()) {
					this.subscribers.send(session, new TextMessage("RECEIPT\nreceipt-id:" + receipt + "\n\n\0"));
				}
			}
			default -> {
			}
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		this.subscribers.remove(session);
	}

	private static String header(String frame, String name) {
		for (String line : frame.split("\n")) {
			if (line.startsWith(name + ":")) {
				return line.substring(name.length() + 1).trim();
			}
			if (line.isEmpty() || line.equals("\r")) {
				break;
			}
		}
		return "";
	}

}
