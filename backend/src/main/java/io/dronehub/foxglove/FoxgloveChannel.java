package io.dronehub.foxglove;

/**
 * One channel as the Foxglove WebSocket protocol advertises it: JSON messages described
 * by a JSON Schema.
 *
 * @param id the channel's id, fixed for the hub's lifetime
 * @param topic e.g. {@code /drones/d1/telemetry}
 * @param encoding always {@code json}
 * @param schemaName e.g. {@code foxglove.LocationFix}
 * @param schema the JSON Schema, as a string
 * @param schemaEncoding always {@code jsonschema}
 */
record FoxgloveChannel(int id, String topic, String encoding, String schemaName, String schema, String schemaEncoding) {

	FoxgloveChannel(int id, String topic, String schemaName, String schema) {
		this(id, topic, "json", schemaName, schema, "jsonschema");
	}

}
