package io.dronehub.recorder;

import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import io.dronehub.command.CommandReply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flight's log entries as Foxglove's {@code foxglove.Log}, checked against the schema
 * the hub ships.
 */
class LogMessageTests {

	private final JsonMapper json = JsonMapper.shared();

	@Test
	void anEventIsInformationNamedAfterItsDroneWithItsTypeInTheMessage() {
		JsonNode line = this.json.valueToTree(LogMessage.of(entry(FlightLogEntry.Kind.EVENT, "MODE_CHANGED", null)));

		assertThat(line.get("level").asInt()).isEqualTo(LogMessage.INFO);
		assertThat(line.get("name").asString()).isEqualTo("d1/event");
		assertThat(line.get("message").asString()).isEqualTo("MODE_CHANGED: what happened");
		assertThat(line.at("/timestamp/sec").asLong()).isEqualTo(1_767_225_600L);
		assertThat(line.at("/timestamp/nsec").asLong()).isEqualTo(250_000_000L);
	}

	@Test
	void refusalsAndFailsafesAreWarnings() {
		CommandReply refused = new CommandReply("c", "d1", CommandReply.Status.REJECTED, null, "no", null);
		CommandReply accepted = new CommandReply("c", "d1", CommandReply.Status.ACCEPTED, null, null, null);

		assertThat(LogMessage.of(entry(FlightLogEntry.Kind.COMMAND, "LAND", refused)).level())
			.isEqualTo(LogMessage.WARNING);
		assertThat(LogMessage.of(entry(FlightLogEntry.Kind.COMMAND, "LAND", accepted)).level())
			.isEqualTo(LogMessage.INFO);
		assertThat(LogMessage.of(entry(FlightLogEntry.Kind.EVENT, "FAILSAFE", null)).level())
			.isEqualTo(LogMessage.WARNING);
		assertThat(LogMessage.of(entry(FlightLogEntry.Kind.CONTROL, "ACQUIRE", accepted)).name())
			.isEqualTo("d1/control");
	}

	@Test
	void aLineHasEveryFieldTheSchemaRequiresAndNoOther() throws Exception {
		JsonNode schema;
		try (InputStream in = LogMessage.class.getResourceAsStream("/foxglove/Log.json")) {
			schema = this.json.readTree(in);
		}
		JsonNode line = this.json.valueToTree(LogMessage.of(entry(FlightLogEntry.Kind.EVENT, "MODE_CHANGED", null)));

		assertThat(schema.get("title").asString()).isEqualTo("foxglove.Log");
		assertThat(names(line)).containsAll(schema.get("required").valueStream().map(JsonNode::asString).toList());
		assertThat(schema.get("properties").propertyNames()).containsAll(names(line));
		assertThat(schema.at("/properties/level/oneOf")
			.valueStream()
			.filter((level) -> level.get("const").asInt() == line.get("level").asInt())
			.map((level) -> level.get("title").asString())).containsExactly("INFO");
	}

	private static Set<String> names(JsonNode object) {
		return new TreeSet<>(object.propertyNames());
	}

	private static FlightLogEntry entry(FlightLogEntry.Kind kind, String type, CommandReply reply) {
		return new FlightLogEntry(kind, 1_767_225_600_250L, "d1", "alice", type, "what happened", null, reply);
	}

}
