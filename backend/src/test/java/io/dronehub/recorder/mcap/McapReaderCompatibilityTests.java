package io.dronehub.recorder.mcap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A file written by {@link McapWriter} as the flight recorder will write one (JSON
 * Schema, JSON messages, a {@code foxglove.LocationFix} channel for the map), read back
 * by the official reader {@code @mcap/core} ({@link OfficialMcapReader}): both its
 * streaming and its indexed reader accept it with CRCs validated and return every message
 * as written.
 */
@TestInstance(Lifecycle.PER_CLASS)
class McapReaderCompatibilityTests {

	private static final Path FILE = Path.of("target", "mcap", "compatibility.mcap");

	private static final String STATE_SCHEMA = """
			{"type":"object","properties":{"droneId":{"type":"string"},"seq":{"type":"integer"},\
			"altitude":{"type":"number","description":"metres above the home point"},\
			"name":{"type":"string"}}}""";

	private static final String LOCATION_FIX_SCHEMA = """
			{"type":"object","properties":{"latitude":{"type":"number"},"longitude":{"type":"number"},\
			"altitude":{"type":"number"}}}""";

	private static final long START_NANOS = 1_767_225_600_000_000_000L;

	private final List<Written> written = new ArrayList<>();

	private JsonNode streamed;

	private JsonNode indexed;

	@BeforeAll
	void writeAFileAndReadItWithTheOfficialReader() throws Exception {
		Files.createDirectories(FILE.getParent());
		try (OutputStream stream = Files.newOutputStream(FILE); McapWriter writer = new McapWriter(stream, 8 * 1024)) {
			writeFlights(writer);
		}
		JsonNode read = OfficialMcapReader.read(FILE);
		this.streamed = read.get("streamed");
		this.indexed = read.get("indexed");
	}

	/**
	 * Two drones' telemetry on one schema and the first drone's position on another, at
	 * 10 Hz; one name is not ASCII.
	 */
	private void writeFlights(McapWriter writer) throws IOException {
		int state = writer.addSchema("dronehub.DroneState", "jsonschema", bytes(STATE_SCHEMA));
		int fix = writer.addSchema("foxglove.LocationFix", "jsonschema", bytes(LOCATION_FIX_SCHEMA));
		List<Integer> channels = List.of(
				writer.addChannel(state, "/drones/d1/telemetry", "json", Map.of("droneId", "d1")),
				writer.addChannel(state, "/drones/d2/telemetry", "json", Map.of("droneId", "d2")),
				writer.addChannel(fix, "/drones/d1/location", "json", Map.of()));
		List<String> topics = List.of("/drones/d1/telemetry", "/drones/d2/telemetry", "/drones/d1/location");
		for (int seq = 0; seq < 150; seq++) {
			long logTime = START_NANOS + seq * 100_000_000L;
			List<String> data = List.of(state("d1", seq, "Ålesund één"), state("d2", seq, "Bergen"),
					String.format(Locale.ROOT, "{\"latitude\":%.7f,\"longitude\":%.7f,\"altitude\":%.1f}",
							62.47 + seq * 1e-6, 6.15 + seq * 2e-6, 10.0 + seq * 0.1));
			for (int i = 0; i < channels.size(); i++) {
				writer.addMessage(channels.get(i), seq, logTime, logTime - 1_000_000, bytes(data.get(i)));
				this.written.add(new Written(topics.get(i), seq, logTime, logTime - 1_000_000, data.get(i)));
			}
		}
	}

	@Test
	void bothReadersAcceptTheFileWithCrcsValidated() {
		assertThat(this.streamed.at("/records/Header").asInt()).isOne();
		assertThat(this.streamed.at("/records/DataEnd").asInt()).isOne();
		assertThat(this.streamed.at("/records/Footer").asInt()).isOne();
		assertThat(this.streamed.at("/records/Chunk").isMissingNode()).as("chunks are not returned, their contents are")
			.isTrue();
		int chunks = this.indexed.get("chunks").asInt();
		assertThat(this.streamed.at("/records/MessageIndex").asInt()).as("one per channel in each chunk")
			.isBetween(chunks, 3 * chunks);
		assertThat(chunks).as("chunks of 8 KiB").isGreaterThan(5);
		assertThat(this.indexed.at("/dataSectionCrc/stored").asLong())
			.as("the Data End CRC, which read.mjs checks because neither reader does")
			.isNotZero()
			.isEqualTo(this.indexed.at("/dataSectionCrc/computed").asLong());
		assertThat(this.indexed.get("summaryOffsets").valueStream().map(JsonNode::asInt))
			.containsExactlyInAnyOrder(0x03, 0x04, 0x0B, 0x08);
	}

	@Test
	void readersFindTheHeaderTopicsSchemasAndMessageCountsWritten() {
		for (JsonNode read : List.of(this.streamed, this.indexed)) {
			assertThat(read.at("/header/library").asString()).isEqualTo("drone-telemetry-hub");
			assertThat(read.at("/header/profile").asString()).isEmpty();
			assertThat(read.get("schemas").valueStream().map((schema) -> schema.get("name").asString()))
				.containsExactly("dronehub.DroneState", "foxglove.LocationFix");
			assertThat(read.get("schemas").valueStream().map((schema) -> schema.get("data").asString()))
				.containsExactly(STATE_SCHEMA, LOCATION_FIX_SCHEMA);
			assertThat(read.get("schemas").valueStream().map((schema) -> schema.get("encoding").asString()))
				.containsOnly("jsonschema");
			assertThat(read.get("channels").valueStream().map((channel) -> channel.get("topic").asString()))
				.containsExactly("/drones/d1/telemetry", "/drones/d2/telemetry", "/drones/d1/location");
			assertThat(read.get("channels").valueStream().map((channel) -> channel.get("schemaId").asInt()))
				.containsExactly(1, 1, 2);
			assertThat(read.get("channels").valueStream().map((channel) -> channel.get("messageEncoding").asString()))
				.containsOnly("json");
			assertThat(read.at("/channels/1/metadata/droneId").asString()).isEqualTo("d2");
		}
		assertThat(this.indexed.get("messagesPerTopic").properties())
			.extracting(Map.Entry::getKey, (entry) -> entry.getValue().asInt())
			.containsExactly(tuple("/drones/d1/telemetry", 150), tuple("/drones/d2/telemetry", 150),
					tuple("/drones/d1/location", 150));
		JsonNode statistics = this.indexed.get("statistics");
		assertThat(statistics.get("messageCount").asString()).isEqualTo("450");
		assertThat(statistics.get("schemaCount").asInt()).isEqualTo(2);
		assertThat(statistics.get("channelCount").asInt()).isEqualTo(3);
		assertThat(statistics.get("chunkCount").asInt()).isEqualTo(this.indexed.get("chunks").asInt());
		assertThat(statistics.get("messageStartTime").asString()).isEqualTo(String.valueOf(START_NANOS));
		assertThat(statistics.get("messageEndTime").asString())
			.isEqualTo(String.valueOf(START_NANOS + 149 * 100_000_000L));
		assertThat(statistics.at("/channelMessageCounts/3").asString()).isEqualTo("150");
	}

	@Test
	void everyMessageRoundTripsWithItsDataAndTimes() {
		assertThat(messages(this.streamed)).as("streamed, in file order").containsExactlyElementsOf(this.written);
		assertThat(messages(this.indexed)).as("indexed, in log time order, ties in file order")
			.containsExactlyElementsOf(this.written);
	}

	private static List<Written> messages(JsonNode read) {
		return read.get("messages")
			.valueStream()
			.map((message) -> new Written(message.get("topic").asString(), message.get("sequence").asLong(),
					Long.parseLong(message.get("logTime").asString()),
					Long.parseLong(message.get("publishTime").asString()), message.get("data").asString()))
			.toList();
	}

	private static String state(String droneId, int seq, String name) {
		return String.format(Locale.ROOT, "{\"droneId\":\"%s\",\"seq\":%d,\"altitude\":%.1f,\"name\":\"%s\"}", droneId,
				seq, seq * 0.5, name);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A message as written, and as a reader returns it.
	 */
	private record Written(String topic, long sequence, long logTimeNanos, long publishTimeNanos, String data) {
	}

}
