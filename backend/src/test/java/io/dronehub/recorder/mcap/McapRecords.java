package io.dronehub.recorder.mcap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records of an MCAP file split by their opcode and length prefix, read back
 * independently of the writer so that tests can check the bytes field by field.
 */
final class McapRecords {

	static final byte[] MAGIC = { (byte) 0x89, 'M', 'C', 'A', 'P', '0', '\r', '\n' };

	private McapRecords() {
	}

	/**
	 * The records between the leading and trailing magic, which are checked.
	 */
	static List<RawRecord> of(byte[] file) {
		assertThat(Arrays.copyOfRange(file, 0, MAGIC.length)).as("leading magic").isEqualTo(MAGIC);
		assertThat(Arrays.copyOfRange(file, file.length - MAGIC.length, file.length)).as("trailing magic")
			.isEqualTo(MAGIC);
		return split(file, MAGIC.length, file.length - MAGIC.length);
	}

	/**
	 * The records inside an uncompressed chunk, with offsets relative to its records.
	 */
	static List<RawRecord> inChunk(RawRecord chunk) {
		Fields fields = chunk.fields();
		fields.skip(8 + 8 + 8 + 4);
		assertThat(fields.string()).as("compression").isEmpty();
		byte[] records = fields.bytes((int) fields.uint64());
		return split(records, 0, records.length);
	}

	/**
	 * The records in {@code bytes[from, to)}, with offsets from the start of
	 * {@code bytes}.
	 */
	static List<RawRecord> split(byte[] bytes, int from, int to) {
		List<RawRecord> records = new ArrayList<>();
		ByteBuffer buffer = ByteBuffer.wrap(bytes, from, to - from).order(ByteOrder.LITTLE_ENDIAN);
		while (buffer.hasRemaining()) {
			int offset = buffer.position();
			int opcode = Byte.toUnsignedInt(buffer.get());
			int length = Math.toIntExact(buffer.getLong());
			byte[] content = new byte[length];
			buffer.get(content);
			records.add(new RawRecord(offset, opcode, content));
		}
		return records;
	}

	/**
	 * One record: where it starts, its opcode and its content.
	 */
	record RawRecord(int offset, int opcode, byte[] content) {

		/** The record's length with its opcode and length prefix. */
		int length() {
			return 1 + 8 + this.content.length;
		}

		Fields fields() {
			return new Fields(ByteBuffer.wrap(this.content).order(ByteOrder.LITTLE_ENDIAN));
		}

	}

	/**
	 * A cursor over a record's little-endian fields.
	 */
	record Fields(ByteBuffer buffer) {

		int uint8() {
			return Byte.toUnsignedInt(this.buffer.get());
		}

		int uint16() {
			return Short.toUnsignedInt(this.buffer.getShort());
		}

		long uint32() {
			return Integer.toUnsignedLong(this.buffer.getInt());
		}

		long uint64() {
			return this.buffer.getLong();
		}

		String string() {
			return new String(bytes((int) uint32()), StandardCharsets.UTF_8);
		}

		byte[] bytes(int length) {
			byte[] bytes = new byte[length];
			this.buffer.get(bytes);
			return bytes;
		}

		byte[] rest() {
			return bytes(this.buffer.remaining());
		}

		void skip(int length) {
			this.buffer.position(this.buffer.position() + length);
		}

		int remaining() {
			return this.buffer.remaining();
		}

	}

}
