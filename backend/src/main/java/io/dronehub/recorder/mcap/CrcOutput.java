package io.dronehub.recorder.mcap;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;

/**
 * The stream an MCAP file goes to, counting the bytes written so far (the offsets that
 * indexes point at) and the CRC-32 of those since the last {@link #restartCrc()}.
 *
 * <p>
 * Not thread-safe: it belongs to one {@link McapWriter}.
 */
final class CrcOutput {

	private final OutputStream stream;

	private final CRC32 crc = new CRC32();

	private long position;

	CrcOutput(OutputStream stream) {
		this.stream = stream;
	}

	void write(byte[] bytes, int length) throws IOException {
		this.stream.write(bytes, 0, length);
		this.crc.update(bytes, 0, length);
		this.position += length;
	}

	/**
	 * The offset from the start of the file of the next byte written.
	 */
	long position() {
		return this.position;
	}

	/**
	 * The CRC-32 of the bytes written since the start or the last restart, as the
	 * unsigned value MCAP stores.
	 */
	long crc() {
		return this.crc.getValue();
	}

	void restartCrc() {
		this.crc.reset();
	}

	void flush() throws IOException {
		this.stream.flush();
	}

}
