package io.dronehub.recorder.mcap;

/**
 * A Schema record: how the messages of the channels that name its id are structured.
 *
 * @param id unique in the file, from 1 (0 means "no schema")
 * @param name the type's name, e.g. {@code foxglove.LocationFix}
 * @param encoding the schema language, e.g. {@code jsonschema}; empty for none
 * @param data the schema in that language, empty when the encoding is
 */
record Schema(int id, String name, String encoding, byte[] data) implements SummaryRecord {

	@Override
	public Opcode opcode() {
		return Opcode.SCHEMA;
	}

	@Override
	public void writeContent(RecordBuffer buffer) {
		buffer.uint16(this.id);
		buffer.string(this.name);
		buffer.string(this.encoding);
		buffer.uint32(this.data.length);
		buffer.bytes(this.data);
	}

}
