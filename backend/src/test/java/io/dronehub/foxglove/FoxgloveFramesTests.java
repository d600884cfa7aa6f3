package io.dronehub.foxglove;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The binary framing of Message Data and Time, byte for byte as the protocol's spec lays
 * it out.
 */
class FoxgloveFramesTests {

	@Test
	void messageDataIsOpcodeSubscriptionTimestampAndPayloadLittleEndian() {
		ByteBuffer frame = FoxgloveFrames.messageData(0x01020304, 0x1122334455667788L,
				"{}".getBytes(StandardCharsets.UTF_8));
		assertThat(bytes(frame)).containsExactly(0x01, 0x04, 0x03, 0x02, 0x01, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22,
				0x11, '{', '}');
	}

	@Test
	void timeIsOpcodeAndNanoseconds() {
		ByteBuffer frame = FoxgloveFrames.time(1_796_300_000_123_000_000L);
		assertThat(frame.get(0)).isEqualTo((byte) 2);
		assertThat(frame.remaining()).isEqualTo(9);
		assertThat(frame.duplicate().order(ByteOrder.LITTLE_ENDIAN).getLong(1)).isEqualTo(1_796_300_000_123_000_000L);
	}

	private static int[] bytes(ByteBuffer frame) {
		int[] bytes = new int[frame.remaining()];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = frame.get(frame.position() + i) & 0xff;
		}
		return bytes;
	}

}
