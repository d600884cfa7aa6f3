package io.dronehub.benchmark.generator;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import org.jspecify.annotations.Nullable;

/**
 * One STOMP frame found in a WebSocket message: a view of the message's bytes, valid only
 * while the message is being handled.
 *
 * @param command the frame's command
 * @param buffer the WebSocket message's bytes
 * @param headersStart index of the first header line
 * @param bodyStart index of the first body byte
 * @param bodyEnd index just past the last body byte (where the NUL is)
 */
record StompFrame(StompCommand command, ByteBuf buffer, int headersStart, int bodyStart, int bodyEnd) {

	/**
	 * The value of a header, looked up only when asked (the hot path never does).
	 * @param name the header name
	 * @return the first value, or {@code null}
	 */
	@Nullable String header(String name) {
		String headers = this.buffer.toString(this.headersStart, this.bodyStart - this.headersStart,
				StandardCharsets.UTF_8);
		for (String line : headers.split("\r?\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).equals(name)) {
				return line.substring(colon + 1);
			}
		}
		return null;
	}

	/**
	 * The body decoded as UTF-8 text.
	 * @return the body
	 */
	String bodyText() {
		return this.buffer.toString(this.bodyStart, this.bodyEnd - this.bodyStart, StandardCharsets.UTF_8);
	}

}
