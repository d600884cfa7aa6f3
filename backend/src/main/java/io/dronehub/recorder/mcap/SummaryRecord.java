package io.dronehub.recorder.mcap;

/**
 * A record that the summary section holds, where records are grouped by opcode; Schema
 * and Channel records are also written to the data section.
 */
sealed interface SummaryRecord permits Schema, Channel, Statistics, ChunkIndex {

	Opcode opcode();

	/**
	 * Append this record, opcode and length included.
	 */
	default void writeTo(RecordBuffer buffer) {
		buffer.beginRecord(opcode());
		writeContent(buffer);
		buffer.endRecord();
	}

	/**
	 * Append the fields of this record, in the order the specification lists them.
	 */
	void writeContent(RecordBuffer buffer);

}
