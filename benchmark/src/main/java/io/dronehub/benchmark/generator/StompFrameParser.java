package io.dronehub.benchmark.generator;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;

/**
 * Splits a WebSocket message into the STOMP frames it carries: one or several frames back
 * to back, each ending in a NUL byte, possibly separated by heart-beat end-of-lines. Uses
 * {@code content-length} when present, else the NUL. Reads bytes in place; allocates
 * nothing but the frame views.
 */
final class StompFrameParser {

	private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

	private StompFrameParser() {
	}

	/**
	 * Hands each complete frame of a message to a consumer, in order.
	 * @param message the WebSocket message's bytes, from its reader index to its writer
	 * index (left unchanged)
	 * @param frames receives each frame
	 * @return how many frames were found
	 * @throws IllegalArgumentException when the message holds an incomplete frame
	 */
	static int parse(ByteBuf message, Consumer<StompFrame> frames) {
		int end = message.writerIndex();
		int index = message.readerIndex();
		int count = 0;
		while (true) {
			while (index < end && isEndOfLine(message.getByte(index))) {
				index++;
			}
			if (index >= end) {
				return count;
			}
			int commandEnd = lineEnd(message, index, end);
			StompCommand command = command(message, index, trimCarriageReturn(message, index, commandEnd));
			int headersStart = commandEnd + 1;
			int line = headersStart;
			int contentLength = -1;
			while (true) {
				int lineEnd = lineEnd(message, line, end);
				if (trimCarriageReturn(message, line, lineEnd) == line) {
					line = lineEnd + 1;
					break;
				}
				if (startsWith(message, line, lineEnd, CONTENT_LENGTH)) {
					contentLength = parseInt(message, line + CONTENT_LENGTH.length,
							trimCarriageReturn(message, line, lineEnd));
				}
				line = lineEnd + 1;
			}
			int bodyEnd = (contentLength >= 0) ? line + contentLength : message.indexOf(line, end, (byte) 0);
			if (bodyEnd < 0 || bodyEnd >= end || message.getByte(bodyEnd) != 0) {
				throw new IllegalArgumentException("STOMP frame without its NUL terminator");
			}
			frames.accept(new StompFrame(command, message, headersStart, line, bodyEnd));
			count++;
			index = bodyEnd + 1;
		}
	}

	private static boolean isEndOfLine(byte value) {
		return value == '\n' || value == '\r';
	}

	private static int lineEnd(ByteBuf message, int from, int end) {
		int lineEnd = message.indexOf(from, end, (byte) '\n');
		if (lineEnd < 0) {
			throw new IllegalArgumentException("STOMP frame cut in its headers");
		}
		return lineEnd;
	}

	private static int trimCarriageReturn(ByteBuf message, int start, int lineEnd) {
		return (lineEnd > start && message.getByte(lineEnd - 1) == '\r') ? lineEnd - 1 : lineEnd;
	}

	private static StompCommand command(ByteBuf message, int start, int end) {
		return switch (end - start) {
			case 7 -> equalsAscii(message, start, "MESSAGE") ? StompCommand.MESSAGE
					: equalsAscii(message, start, "RECEIPT") ? StompCommand.RECEIPT : StompCommand.OTHER;
			case 9 -> equalsAscii(message, start, "CONNECTED") ? StompCommand.CONNECTED : StompCommand.OTHER;
			case 5 -> equalsAscii(message, start, "ERROR") ? StompCommand.ERROR : StompCommand.OTHER;
			default -> StompCommand.OTHER;
		};
	}

	private static boolean equalsAscii(ByteBuf message, int start, String text) {
		for (int i = 0; i < text.length(); i++) {
			if (message.getByte(start + i) != text.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static boolean startsWith(ByteBuf message, int start, int end, byte[] prefix) {
		if (end - start < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (message.getByte(start + i) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static int parseInt(ByteBuf message, int start, int end) {
		int value = 0;
		for (int i = start; i < end; i++) {
			value = value * 10 + (message.getByte(i) - '0');
		}
		return value;
	}

}
