package io.dronehub.recorder.mcap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A growable buffer of MCAP records as the specification serialises them: little-endian
 * integers, strings and byte arrays prefixed with a uint32 length, and records framed as
 * opcode plus uint64 content length.
 *
 * <p>
 * Not thread-safe: it belongs to the {@link McapWriter} that fills and drains it.
 */
final class RecordBuffer {

	private static final byte[] MAGIC = { (byte) 0x89, 'M', 'C', 'A', 'P', '0', '\r', '\n' };

	private byte[] bytes;

	private int size;

	private int openRecordLengthAt = -1;

	RecordBuffer(int initialCapacity) {
		this.bytes = new byte[initialCapacity];
	}

	void magic() {
		append(MAGIC, MAGIC.length);
	}

	/**
	 * Start a record whose content length is filled in by {@link #endRecord()}.
	 */
	void beginRecord(Opcode opcode) {
		uint8(opcode.code());
		this.openRecordLengthAt = this.size;
		uint64(0);
	}

	void endRecord() {
		putAt(this.openRecordLengthAt, this.size - this.openRecordLengthAt - Long.BYTES, Long.BYTES);
		this.openRecordLengthAt = -1;
	}

	/**
	 * Start a record whose content, of the given length, the caller writes itself.
	 */
	void recordPrefix(Opcode opcode, long contentLength) {
		uint8(opcode.code());
		uint64(contentLength);
	}

	void uint8(int value) {
		put(value, Byte.BYTES);
	}

	void uint16(int value) {
		put(value, Short.BYTES);
	}

	void uint32(long value) {
		put(value, Integer.BYTES);
	}

	void uint64(long value) {
		put(value, Long.BYTES);
	}

	void string(String value) {
		byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
		uint32(utf8.length);
		append(utf8, utf8.length);
	}

	/**
	 * Append bytes as they are, without a length prefix.
	 */
	void bytes(byte[] value) {
		append(value, value.length);
	}

	/**
	 * Append what another buffer holds, without a length prefix.
	 */
	void bytes(RecordBuffer other) {
		append(other.bytes, other.size);
	}

	void stringMap(Map<String, String> entries) {
		int lengthAt = this.size;
		uint32(0);
		entries.forEach((key, value) -> {
			string(key);
			string(value);
		});
		putAt(lengthAt, this.size - lengthAt - Integer.BYTES, Integer.BYTES);
	}

	/**
	 * Append the specification's {@code Map<uint16, uint64>}, e.g. channel ids to counts.
	 */
	void uint16ToUint64Map(Map<Integer, Long> entries) {
		uint32((long) entries.size() * (Short.BYTES + Long.BYTES));
		entries.forEach((key, value) -> {
			uint16(key);
			uint64(value);
		});
	}

	int size() {
		return this.size;
	}

	boolean isEmpty() {
		return this.size == 0;
	}

	/**
	 * The CRC-32 of the bytes held, as the unsigned value MCAP stores.
	 */
	long crc32() {
		CRC32 crc = new CRC32();
		crc.update(this.bytes, 0, this.size);
		return crc.getValue();
	}

	/**
	 * Write the bytes held to the output and empty this buffer, keeping its capacity.
	 */
	void flushTo(CrcOutput output) throws IOException {
		output.write(this.bytes, this.size);
		clear();
	}

	void clear() {
		this.size = 0;
	}

	private void put(long value, int byteCount) {
		ensureCapacity(byteCount);
		putAt(this.size, value, byteCount);
		this.size += byteCount;
	}

	private void putAt(int position, long value, int byteCount) {
		for (int i = 0; i < byteCount; i++) {
			this.bytes[position + i] = (byte) (value >>> (8 * i));
		}
	}

	private void append(byte[] source, int length) {
		ensureCapacity(length);
		System.arraycopy(source, 0, this.bytes, this.size, length);
		this.size += length;
	}

	private void ensureCapacity(int additional) {
		int needed = Math.addExact(this.size, additional);
		if (needed > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(needed, this.bytes.length * 2));
		}
	}

}
