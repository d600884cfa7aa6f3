package io.dronehub.benchmark.generator;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;

/**
 * Reads {@code droneId}, {@code seq} and {@code timestamp} from a telemetry body in
 * place, without a JSON parser: the hub writes them first, so each search is short.
 *
 * @param droneNumber the number in a {@code d<number>} drone id, or -1 for another id
 * @param seq the state's sequence number
 * @param timestamp when the state was computed, epoch milliseconds
 */
record TelemetryFields(int droneNumber, long seq, long timestamp) {

	private static final byte[] DRONE_ID = "\"droneId\":\"".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SEQ = "\"seq\":".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] TIMESTAMP = "\"timestamp\":".getBytes(StandardCharsets.US_ASCII);

	/**
	 * Reads the fields of one telemetry frame's body.
	 * @param frame a MESSAGE frame carrying a drone state
	 * @return the fields
	 * @throws IllegalArgumentException when a field is missing
	 */
	static TelemetryFields read(StompFrame frame) {
		return read(frame.buffer(), frame.bodyStart(), frame.bodyEnd());
	}

	/**
	 * Reads the fields of a drone state's JSON.
	 * @param body holds the JSON
	 * @param start where it starts
	 * @param end where it ends
	 * @return the fields
	 * @throws IllegalArgumentException when a field is missing
	 */
	static TelemetryFields read(ByteBuf body, int start, int end) {
		int droneId = find(body, start, end, DRONE_ID);
		int droneNumber = -1;
		if (body.getByte(droneId) == 'd') {
			droneNumber = 0;
			int i = droneId + 1;
			byte digit;
			while ((digit = body.getByte(i)) >= '0' && digit <= '9') {
				droneNumber = droneNumber * 10 + (digit - '0');
				i++;
			}
			if (digit != '"' || i == droneId + 1) {
				droneNumber = -1;
			}
		}
		long seq = readLong(body, find(body, start, end, SEQ), end);
		long timestamp = readLong(body, find(body, start, end, TIMESTAMP), end);
		return new TelemetryFields(droneNumber, seq, timestamp);
	}

	private static int find(ByteBuf body, int start, int end, byte[] key) {
		int last = end - key.length;
		for (int i = start; i <= last; i++) {
			if (body.getByte(i) == key[0] && matches(body, i, key)) {
				return i + key.length;
			}
		}
		throw new IllegalArgumentException("telemetry without " + new String(key, StandardCharsets.US_ASCII));
	}

	private static boolean matches(ByteBuf body, int at, byte[] key) {
		for (int k = 1; k < key.length; k++) {
			if (body.getByte(at + k) != key[k]) {
				return false;
			}
		}
		return true;
	}

	private static long readLong(ByteBuf body, int start, int end) {
		long value = 0;
		for (int i = start; i < end; i++) {
			byte digit = body.getByte(i);
			if (digit < '0' || digit > '9') {
				break;
			}
			value = value * 10 + (digit - '0');
		}
		return value;
	}

}
