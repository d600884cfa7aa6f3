package io.dronehub.recorder.mcap;

import java.io.IOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The chunk being filled: its Message records, and for each channel the log time and
 * offset of each of its messages, which become the Message Index records written after
 * the chunk.
 *
 * <p>
 * Not thread-safe: it belongs to one {@link McapWriter}.
 */
final class ChunkBuilder {

	/** Chunks are not compressed. */
	static final String NO_COMPRESSION = "";

	/**
	 * Message start and end time, uncompressed size and CRC, the compression (an empty
	 * string, so its length alone) and the records' length.
	 */
	private static final int FIELDS_BEFORE_RECORDS = 8 + 8 + 8 + 4 + 4 + 8;

	private static final int INDEX_ENTRY_BYTES = Long.BYTES + Long.BYTES;

	private final RecordBuffer records = new RecordBuffer(64 * 1024);

	private final Map<Integer, RecordBuffer> indexEntriesByChannel = new TreeMap<>();

	private long messageStartTime;

	private long messageEndTime;

	void addMessage(int channelId, long sequence, long logTimeNanos, long publishTimeNanos, byte[] data) {
		if (this.records.isEmpty() || logTimeNanos < this.messageStartTime) {
			this.messageStartTime = logTimeNanos;
		}
		if (this.records.isEmpty() || logTimeNanos > this.messageEndTime) {
			this.messageEndTime = logTimeNanos;
		}
		RecordBuffer entries = this.indexEntriesByChannel.computeIfAbsent(channelId,
				(id) -> new RecordBuffer(64 * INDEX_ENTRY_BYTES));
		entries.uint64(logTimeNanos);
		entries.uint64(this.records.size());
		this.records.beginRecord(Opcode.MESSAGE);
		this.records.uint16(channelId);
		this.records.uint32(sequence);
		this.records.uint64(logTimeNanos);
		this.records.uint64(publishTimeNanos);
		this.records.bytes(data);
		this.records.endRecord();
	}

	/**
	 * The size in bytes of the Message records held.
	 */
	int size() {
		return this.records.size();
	}

	boolean isEmpty() {
		return this.records.isEmpty();
	}

	/**
	 * Write the Chunk record and its Message Index records, then start an empty chunk.
	 * @param output where the file goes
	 * @param scratch an empty buffer to lay out the records around the messages in
	 * @return the index of the chunk written
	 */
	ChunkIndex writeTo(CrcOutput output, RecordBuffer scratch) throws IOException {
		long chunkStart = output.position();
		long recordsSize = this.records.size();
		scratch.recordPrefix(Opcode.CHUNK, FIELDS_BEFORE_RECORDS + recordsSize);
		scratch.uint64(this.messageStartTime);
		scratch.uint64(this.messageEndTime);
		scratch.uint64(recordsSize);
		scratch.uint32(this.records.crc32());
		scratch.string(NO_COMPRESSION);
		scratch.uint64(recordsSize);
		scratch.flushTo(output);
		this.records.flushTo(output);
		long messageIndexStart = output.position();
		SortedMap<Integer, Long> messageIndexOffsets = new TreeMap<>();
		for (Map.Entry<Integer, RecordBuffer> channel : this.indexEntriesByChannel.entrySet()) {
			RecordBuffer entries = channel.getValue();
			if (!entries.isEmpty()) {
				messageIndexOffsets.put(channel.getKey(), output.position());
				scratch.beginRecord(Opcode.MESSAGE_INDEX);
				scratch.uint16(channel.getKey());
				scratch.uint32(entries.size());
				scratch.bytes(entries);
				scratch.endRecord();
				scratch.flushTo(output);
				entries.clear();
			}
		}
		return new ChunkIndex(this.messageStartTime, this.messageEndTime, chunkStart, messageIndexStart - chunkStart,
				messageIndexOffsets, output.position() - messageIndexStart, recordsSize);
	}

}
