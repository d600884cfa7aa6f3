package io.dronehub.recorder.mcap;

import java.util.SortedMap;

/**
 * The Statistics record: how many of each record the file holds and the span of its log
 * times. The file has no attachments or metadata records, so those counts are 0.
 *
 * @param schemaCount the number of schemas
 * @param channelCount the number of channels
 * @param chunkCount the number of chunks
 * @param messageStartTime the earliest log time, in nanoseconds; 0 without messages
 * @param messageEndTime the latest log time, in nanoseconds; 0 without messages
 * @param channelMessageCounts every channel to its number of messages
 */
record Statistics(int schemaCount, int channelCount, int chunkCount, long messageStartTime, long messageEndTime,
		SortedMap<Integer, Long> channelMessageCounts) implements SummaryRecord {

	@Override
	public Opcode opcode() {
		return Opcode.STATISTICS;
	}

	@Override
	public void writeContent(RecordBuffer buffer) {
		buffer.uint64(this.channelMessageCounts.values().stream().mapToLong(Long::longValue).sum());
		buffer.uint16(this.schemaCount);
		buffer.uint32(this.channelCount);
		buffer.uint32(0);
		buffer.uint32(0);
		buffer.uint32(this.chunkCount);
		buffer.uint64(this.messageStartTime);
		buffer.uint64(this.messageEndTime);
		buffer.uint16ToUint64Map(this.channelMessageCounts);
	}

}
