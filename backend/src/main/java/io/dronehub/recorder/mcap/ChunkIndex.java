package io.dronehub.recorder.mcap;

import java.util.SortedMap;

/**
 * A Chunk Index record: where a chunk and the message indexes after it are, and which log
 * times it covers, so that a reader can seek without scanning the data section.
 *
 * @param messageStartTime the earliest log time in the chunk, in nanoseconds
 * @param messageEndTime the latest log time in the chunk, in nanoseconds
 * @param chunkStartOffset the chunk record's offset from the start of the file
 * @param chunkLength the chunk record's length, opcode and length prefix included
 * @param messageIndexOffsets each channel in the chunk to its message index's offset
 * @param messageIndexLength the length of all message index records after the chunk
 * @param recordsSize the size of the chunk's records, which are not compressed
 */
record ChunkIndex(long messageStartTime, long messageEndTime, long chunkStartOffset, long chunkLength,
		SortedMap<Integer, Long> messageIndexOffsets, long messageIndexLength,
		long recordsSize) implements SummaryRecord {

	@Override
	public Opcode opcode() {
		return Opcode.CHUNK_INDEX;
	}

	@Override
	public void writeContent(RecordBuffer buffer) {
		buffer.uint64(this.messageStartTime);
		buffer.uint64(this.messageEndTime);
		buffer.uint64(this.chunkStartOffset);
		buffer.uint64(this.chunkLength);
		buffer.uint16ToUint64Map(this.messageIndexOffsets);
		buffer.uint64(this.messageIndexLength);
		buffer.string(ChunkBuilder.NO_COMPRESSION);
		buffer.uint64(this.recordsSize);
		buffer.uint64(this.recordsSize);
	}

}
