package io.dronehub.recorder.mcap;

import java.util.SortedMap;

/**
 * A Channel record: one topic's stream of messages in one encoding.
 *
 * @param id unique in the file
 * @param schemaId the schema of its messages, 0 for none
 * @param topic the topic, e.g. {@code /drones/d1/telemetry}
 * @param messageEncoding e.g. {@code json}
 * @param metadata free-form pairs, written in key order
 */
record Channel(int id, int schemaId, String topic, String messageEncoding,
		SortedMap<String, String> metadata) implements SummaryRecord {

	@Override
	public Opcode opcode() {
		return Opcode.CHANNEL;
	}

	@Override
	public void writeContent(RecordBuffer buffer) {
		buffer.uint16(this.id);
		buffer.uint16(this.schemaId);
		buffer.string(this.topic);
		buffer.string(this.messageEncoding);
		buffer.stringMap(this.metadata);
	}

}
