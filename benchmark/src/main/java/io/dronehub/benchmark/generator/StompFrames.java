package io.dronehub.benchmark.generator;

import java.nio.charset.StandardCharsets;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.jspecify.annotations.Nullable;

/**
 * Encodes the client frames the generator sends, each as one WebSocket text message.
 */
final class StompFrames {

	private StompFrames() {
	}

	/**
	 * A STOMP 1.2 CONNECT without heart-beats, with credentials when given.
	 * @param login the login, or {@code null}
	 * @param passcode the passcode, or {@code null}
	 * @return the frame
	 */
	static TextWebSocketFrame connect(@Nullable String login, @Nullable String passcode) {
		StringBuilder frame = new StringBuilder("CONNECT\naccept-version:1.2\nheart-beat:0,0\n");
		if (login != null) {
			frame.append("login:").append(login).append('\n');
		}
		if (passcode != null) {
			frame.append("passcode:").append(passcode).append('\n');
		}
		return text(frame.append("\n\0"));
	}

	/**
	 * A SUBSCRIBE with automatic acknowledgement.
	 * @param id the subscription id
	 * @param destination what to subscribe to
	 * @return the frame
	 */
	static TextWebSocketFrame subscribe(String id, String destination) {
		return subscribe(id, destination, null);
	}

	/**
	 * A SUBSCRIBE with {@code ack:auto}, at a rate of its own when given one.
	 * @param id the subscription id
	 * @param destination what to subscribe to
	 * @param rateHz the {@code rate-hz} header's value, or {@code null} for every state
	 * @return the frame
	 */
	static TextWebSocketFrame subscribe(String id, String destination, @Nullable String rateHz) {
		StringBuilder frame = new StringBuilder("SUBSCRIBE\nid:").append(id)
			.append("\ndestination:")
			.append(destination);
		if (rateHz != null) {
			frame.append("\nrate-hz:").append(rateHz);
		}
		return text(frame.append("\nack:auto\n\n\0"));
	}

	/**
	 * A SEND of a JSON body.
	 * @param destination where to
	 * @param json the body
	 * @return the frame
	 */
	static TextWebSocketFrame send(String destination, byte[] json) {
		StringBuilder frame = new StringBuilder(json.length + 100).append("SEND\ndestination:")
			.append(destination)
			.append("\ncontent-type:application/json\ncontent-length:")
			.append(json.length)
			.append("\n\n")
			.append(new String(json, StandardCharsets.UTF_8))
			.append('\0');
		return text(frame);
	}

	/**
	 * A DISCONNECT.
	 * @return the frame
	 */
	static TextWebSocketFrame disconnect() {
		return text(new StringBuilder("DISCONNECT\n\n\0"));
	}

	private static TextWebSocketFrame text(CharSequence frame) {
		return new TextWebSocketFrame(frame.toString());
	}

}
