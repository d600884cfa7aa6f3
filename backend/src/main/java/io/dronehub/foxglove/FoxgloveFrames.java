package io.dronehub.foxglove;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The binary messages of the Foxglove WebSocket protocol that the hub sends: Message Data
 * (opcode 1: subscription id, timestamp in nanoseconds, payload) and Time (opcode 2: the
 * server's time in nanoseconds), little-endian.
 */
final class FoxgloveFrames {

	static final byte MESSAGE_DATA = 0x01;

	static final byte TIME = 0x02;

	private FoxgloveFrames() {
	}

	static ByteBuffer messageData(int subscriptionId, long timestampNanos, byte[] payload) {
		ByteBuffer frame = ByteBuffer.allocate(1 + 4 + 8 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
		frame.put(MESSAGE_DATA).putInt(subscriptionId).putLong(timestampNanos).put(payload);
		return frame.flip();
	}

	static ByteBuffer time(long timestampNanos) {
		ByteBuffer frame = ByteBuffer.allocate(1 + 8).order(ByteOrder.LITTLE_ENDIAN);
		frame.put(TIME).putLong(timestampNanos);
		return frame.flip();
	}

}
