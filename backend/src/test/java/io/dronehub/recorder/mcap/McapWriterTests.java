package io.dronehub.recorder.mcap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import io.dronehub.recorder.mcap.McapRecords.Fields;
import io.dronehub.recorder.mcap.McapRecords.RawRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The bytes {@link McapWriter} writes, record by record, as the MCAP specification lays
 * them out; opcodes are written here as the specification numbers them.
 */
class McapWriterTests {

	private static final int HEADER = 0x01;

	private static final int FOOTER = 0x02;

	private static final int SCHEMA = 0x03;

	private static final int CHANNEL = 0x04;

	private static final int MESSAGE = 0x05;

	private static final int CHUNK = 0x06;

	private static final int MESSAGE_INDEX = 0x07;

	private static final int CHUNK_INDEX = 0x08;

	private static final int STATISTICS = 0x0B;

	private static final int SUMMARY_OFFSET = 0x0E;

	private static final int DATA_END = 0x0F;

	private static final byte[] STATE_SCHEMA = "{\"type\":\"object\"}".getBytes(StandardCharsets.UTF_8);

	private final ByteArrayOutputStream stream = new ByteArrayOutputStream();

	@Test
	void aFileStartsWithMagicAndAHeaderNamingTheLibrary() throws IOException {
		new McapWriter(this.stream).close();
		byte[] file = this.stream.toByteArray();
		String library = HexFormat.of().formatHex("drone-telemetry-hub".getBytes(StandardCharsets.UTF_8));
		assertThat(HexFormat.of().formatHex(file, 0, 9 + 8 + 4 + 4 + 19))
			.isEqualTo("894d434150300d0a" + "01" + "1b00000000000000" + "00000000" + "13000000" + library);
		assertThat(Arrays.copyOfRange(file, file.length - 8, file.length)).isEqualTo(McapRecords.MAGIC);
	}

	@Test
	void aFileWithoutMessagesHasDataEndStatisticsAndAFooter() throws IOException {
		new McapWriter(this.stream).close();
		List<RawRecord> records = McapRecords.of(this.stream.toByteArray());
		assertThat(records).extracting(RawRecord::opcode)
			.containsExactly(HEADER, DATA_END, STATISTICS, SUMMARY_OFFSET, FOOTER);
		Fields statistics = records.get(2).fields();
		assertThat(statistics.uint64()).as("messages").isZero();
		assertThat(statistics.uint16()).as("schemas").isZero();
		assertThat(statistics.uint32()).as("channels").isZero();
		statistics.skip(4 + 4 + 4 + 8 + 8);
		assertThat(statistics.uint32()).as("channel message counts byte length").isZero();
		assertThat(statistics.remaining()).isZero();
	}

	@Test
	void schemasAndChannelsReachTheStreamAsTheyAreAdded() throws IOException {
		McapWriter writer = new McapWriter(this.stream);
		int headerEnd = this.stream.size();
		assertThat(writer.addSchema("dronehub.DroneState", "jsonschema", STATE_SCHEMA)).isEqualTo(1);
		int schemaEnd = this.stream.size();
		assertThat(writer.addChannel(1, "/drones/d1/telemetry", "json", Map.of("droneId", "d1", "a", "b")))
			.isEqualTo(1);
		List<RawRecord> records = McapRecords.split(this.stream.toByteArray(), headerEnd, this.stream.size());
		assertThat(records).extracting(RawRecord::opcode).containsExactly(SCHEMA, CHANNEL);
		assertThat(records.get(0).length()).isEqualTo(schemaEnd - headerEnd);
		assertThat(HexFormat.of().formatHex(records.get(0).content())).isEqualTo("0100" + "13000000"
				+ hex("dronehub.DroneState") + "0a000000" + hex("jsonschema") + "11000000" + hex(STATE_SCHEMA));
		assertThat(HexFormat.of().formatHex(records.get(1).content())).isEqualTo("0100" + "0100" + "14000000"
				+ hex("/drones/d1/telemetry") + "04000000" + hex("json") + "1b000000" + "01000000" + hex("a")
				+ "01000000" + hex("b") + "07000000" + hex("droneId") + "02000000" + hex("d1"));
	}

	@Test
	void messagesGoIntoAChunkFollowedByAMessageIndexPerChannel() throws IOException {
		writeTwoChannels();
		List<RawRecord> records = McapRecords.of(this.stream.toByteArray());
		assertThat(records.subList(0, 8)).extracting(RawRecord::opcode)
			.containsExactly(HEADER, SCHEMA, CHANNEL, CHANNEL, CHUNK, MESSAGE_INDEX, MESSAGE_INDEX, DATA_END);

		RawRecord chunk = records.get(4);
		List<RawRecord> messages = McapRecords.inChunk(chunk);
		assertThat(messages).extracting(RawRecord::opcode).containsOnly(MESSAGE).hasSize(3);
		assertThat(HexFormat.of().formatHex(messages.get(0).content()))
			.isEqualTo("0100" + "01000000" + "d007000000000000" + "6c07000000000000" + hex("{\"seq\":1}"));
		int recordsSize = messages.stream().mapToInt(RawRecord::length).sum();
		Fields fields = chunk.fields();
		assertThat(fields.uint64()).as("message start time").isEqualTo(1_000);
		assertThat(fields.uint64()).as("message end time").isEqualTo(3_000);
		assertThat(fields.uint64()).as("uncompressed size").isEqualTo(recordsSize);
		long crc = fields.uint32();
		assertThat(fields.string()).as("compression").isEmpty();
		assertThat(fields.uint64()).as("records length").isEqualTo(recordsSize);
		assertThat(crc).as("uncompressed CRC").isEqualTo(crc32(fields.rest()));

		Fields telemetryIndex = records.get(5).fields();
		assertThat(telemetryIndex.uint16()).as("channel").isEqualTo(1);
		assertThat(telemetryIndex.uint32()).as("byte length of two entries").isEqualTo(32);
		assertThat(List.of(telemetryIndex.uint64(), telemetryIndex.uint64(), telemetryIndex.uint64(),
				telemetryIndex.uint64()))
			.containsExactly(2_000L, (long) messages.get(0).offset(), 3_000L, (long) messages.get(2).offset());
		Fields eventsIndex = records.get(6).fields();
		assertThat(eventsIndex.uint16()).isEqualTo(2);
		assertThat(eventsIndex.uint32()).isEqualTo(16);
		assertThat(List.of(eventsIndex.uint64(), eventsIndex.uint64())).containsExactly(1_000L,
				(long) messages.get(1).offset());
	}

	@Test
	void dataEndHoldsTheCrcOfEveryByteBeforeIt() throws IOException {
		writeTwoChannels();
		byte[] file = this.stream.toByteArray();
		RawRecord dataEnd = first(McapRecords.of(file), DATA_END);
		assertThat(dataEnd.content()).hasSize(4);
		assertThat(dataEnd.fields().uint32()).isEqualTo(crc32(Arrays.copyOfRange(file, 0, dataEnd.offset())));
	}

	@Test
	void theSummaryRepeatsSchemasAndChannelsAndCountsMessagesPerChannel() throws IOException {
		writeTwoChannels();
		List<RawRecord> records = McapRecords.of(this.stream.toByteArray());
		List<RawRecord> summary = records.subList(records.indexOf(first(records, DATA_END)) + 1, records.size());
		assertThat(summary).extracting(RawRecord::opcode)
			.containsExactly(SCHEMA, CHANNEL, CHANNEL, STATISTICS, CHUNK_INDEX, SUMMARY_OFFSET, SUMMARY_OFFSET,
					SUMMARY_OFFSET, SUMMARY_OFFSET, FOOTER);
		assertThat(summary.subList(0, 3)).extracting(RawRecord::content)
			.containsExactlyElementsOf(records.subList(1, 4).stream().map(RawRecord::content).toList());
		Fields statistics = summary.get(3).fields();
		assertThat(statistics.uint64()).as("messages").isEqualTo(3);
		assertThat(statistics.uint16()).as("schemas").isEqualTo(1);
		assertThat(statistics.uint32()).as("channels").isEqualTo(2);
		assertThat(statistics.uint32()).as("attachments").isZero();
		assertThat(statistics.uint32()).as("metadata").isZero();
		assertThat(statistics.uint32()).as("chunks").isEqualTo(1);
		assertThat(statistics.uint64()).as("message start time").isEqualTo(1_000);
		assertThat(statistics.uint64()).as("message end time").isEqualTo(3_000);
		assertThat(statistics.uint32()).as("channel message counts byte length").isEqualTo(20);
		assertThat(List.of(statistics.uint16(), statistics.uint64(), statistics.uint16(), statistics.uint64()))
			.containsExactly(1, 2L, 2, 1L);
	}

	@Test
	void theChunkIndexPointsAtTheChunkAndItsMessageIndexes() throws IOException {
		writeTwoChannels();
		List<RawRecord> records = McapRecords.of(this.stream.toByteArray());
		RawRecord chunk = first(records, CHUNK);
		List<RawRecord> messageIndexes = records.stream().filter((record) -> record.opcode() == MESSAGE_INDEX).toList();
		Fields index = first(records, CHUNK_INDEX).fields();
		assertThat(index.uint64()).as("message start time").isEqualTo(1_000);
		assertThat(index.uint64()).as("message end time").isEqualTo(3_000);
		assertThat(index.uint64()).as("chunk start offset").isEqualTo(chunk.offset());
		assertThat(index.uint64()).as("chunk length").isEqualTo(chunk.length());
		assertThat(index.uint32()).as("message index offsets byte length").isEqualTo(20);
		assertThat(List.of(index.uint16(), index.uint64(), index.uint16(), index.uint64())).containsExactly(1,
				(long) messageIndexes.get(0).offset(), 2, (long) messageIndexes.get(1).offset());
		assertThat(index.uint64()).as("message index length")
			.isEqualTo(messageIndexes.stream().mapToInt(RawRecord::length).sum());
		assertThat(index.string()).as("compression").isEmpty();
		long recordsSize = McapRecords.inChunk(chunk).stream().mapToInt(RawRecord::length).sum();
		assertThat(index.uint64()).as("compressed size").isEqualTo(recordsSize);
		assertThat(index.uint64()).as("uncompressed size").isEqualTo(recordsSize);
		assertThat(index.remaining()).isZero();
	}

	@Test
	void summaryOffsetsFindEachGroupAndTheFooterHoldsTheSummaryCrc() throws IOException {
		writeTwoChannels();
		byte[] file = this.stream.toByteArray();
		List<RawRecord> records = McapRecords.of(file);
		int summaryStart = records.indexOf(first(records, DATA_END)) + 1;
		RawRecord footer = records.get(records.size() - 1);
		List<RawRecord> offsets = records.stream().filter((record) -> record.opcode() == SUMMARY_OFFSET).toList();
		assertThat(offsets).extracting((record) -> {
			Fields fields = record.fields();
			int opcode = fields.uint8();
			long start = fields.uint64();
			long length = fields.uint64();
			List<RawRecord> group = records.stream()
				.filter((candidate) -> candidate.offset() >= start && candidate.offset() < start + length)
				.toList();
			assertThat(group).as("group of 0x%02x", opcode).allMatch((member) -> member.opcode() == opcode);
			assertThat(group.stream().mapToInt(RawRecord::length).sum()).isEqualTo(length);
			return opcode;
		}).containsExactly(SCHEMA, CHANNEL, STATISTICS, CHUNK_INDEX);

		Fields fields = footer.fields();
		assertThat(fields.uint64()).as("summary start").isEqualTo(records.get(summaryStart).offset());
		assertThat(fields.uint64()).as("summary offset start").isEqualTo(offsets.get(0).offset());
		int crcAt = footer.offset() + 1 + 8 + 8 + 8;
		assertThat(fields.uint32()).as("summary CRC, from the summary through the footer's offsets")
			.isEqualTo(crc32(Arrays.copyOfRange(file, records.get(summaryStart).offset(), crcAt)));
		assertThat(footer.length()).isEqualTo(file.length - 8 - footer.offset());
	}

	@Test
	void aChunkIsWrittenOnceItHoldsTheChunkSize() throws IOException {
		int messageRecordLength = 1 + 8 + 2 + 4 + 8 + 8 + 50;
		try (McapWriter writer = new McapWriter(this.stream, 2 * messageRecordLength)) {
			int channel = writer.addChannel(0, "/drones/d1/events", "json", Map.of());
			for (int i = 0; i < 5; i++) {
				writer.addMessage(channel, i, 1_000L * i, 1_000L * i, new byte[50]);
			}
		}
		List<RawRecord> records = McapRecords.of(this.stream.toByteArray());
		List<RawRecord> chunks = records.stream().filter((record) -> record.opcode() == CHUNK).toList();
		assertThat(chunks).extracting((chunk) -> McapRecords.inChunk(chunk).size()).containsExactly(2, 2, 1);
		assertThat(chunks).extracting((chunk) -> chunk.fields().uint64()).containsExactly(0L, 2_000L, 4_000L);
		assertThat(records).filteredOn((record) -> record.opcode() == CHUNK_INDEX).hasSize(3);
	}

	@Test
	void tenThousandMessagesReachTheStreamAsTheyAreAdded() throws IOException {
		CountingOutputStream counting = new CountingOutputStream();
		int chunkSize = 4096;
		byte[] data = bytes("{\"droneId\":\"d1\",\"altitudeMeters\":42.5,\"batteryPercent\":87}");
		int messageRecordLength = 1 + 8 + 2 + 4 + 8 + 8 + data.length;
		long largestBacklog = 0;
		try (McapWriter writer = new McapWriter(counting, chunkSize)) {
			int channel = writer.addChannel(0, "/drones/d1/telemetry", "json", Map.of());
			long start = counting.count;
			for (int i = 0; i < 10_000; i++) {
				writer.addMessage(channel, i, 1_000_000L * i, 1_000_000L * i, data);
				long backlog = (i + 1L) * messageRecordLength - (counting.count - start);
				largestBacklog = Math.max(largestBacklog, backlog);
			}
			assertThat(counting.count).as("written before close")
				.isGreaterThan(10_000L * messageRecordLength - chunkSize);
		}
		assertThat(largestBacklog).as("bytes of messages held back at most, a chunk").isLessThan(chunkSize);
		assertThat(counting.closed).isFalse();
	}

	@Test
	void closeFlushesTheStreamLeavesItOpenAndEndsTheWriter() throws IOException {
		CountingOutputStream counting = new CountingOutputStream();
		McapWriter writer = new McapWriter(counting);
		int channel = writer.addChannel(0, "/drones/d1/events", "json", Map.of());
		writer.close();
		long length = counting.count;
		writer.close();
		assertThat(counting.count).as("a second close writes nothing").isEqualTo(length);
		assertThat(counting.flushed).isTrue();
		assertThat(counting.closed).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> writer.addMessage(channel, 0, 0, 0, new byte[0]));
		assertThatIllegalStateException().isThrownBy(() -> writer.addSchema("s", "", new byte[0]));
		assertThatIllegalStateException().isThrownBy(() -> writer.addChannel(0, "/t", "json", Map.of()));
	}

	@Test
	void argumentsMcapCannotHoldAreRejected() throws IOException {
		McapWriter writer = new McapWriter(this.stream);
		int schema = writer.addSchema("dronehub.DroneState", "jsonschema", STATE_SCHEMA);
		int channel = writer.addChannel(schema, "/drones/d1/telemetry", "json", Map.of());
		assertThatIllegalArgumentException().isThrownBy(() -> writer.addSchema("s", "", new byte[1]))
			.withMessage("a schema without encoding has no data");
		assertThatIllegalArgumentException().isThrownBy(() -> writer.addChannel(2, "/t", "json", Map.of()))
			.withMessage("no schema has id 2");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> writer.addChannel(schema, "/drones/d1/telemetry", "json", Map.of()))
			.withMessage("topic /drones/d1/telemetry already has a channel");
		assertThatIllegalArgumentException().isThrownBy(() -> writer.addMessage(2, 0, 0, 0, new byte[0]))
			.withMessage("no channel has id 2");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> writer.addMessage(channel, 0x1_0000_0000L, 0, 0, new byte[0]))
			.withMessage("sequence must fit in 32 unsigned bits");
		assertThatIllegalArgumentException().isThrownBy(() -> writer.addMessage(channel, 0, -1, 0, new byte[0]))
			.withMessage("times must not be before the epoch");
		assertThatIllegalArgumentException().isThrownBy(() -> new McapWriter(this.stream, 0))
			.withMessage("chunk size must be positive");
	}

	/**
	 * One schema, two channels (one without schema) and three messages, the second one
	 * logged first.
	 */
	private void writeTwoChannels() throws IOException {
		try (McapWriter writer = new McapWriter(this.stream)) {
			int schema = writer.addSchema("dronehub.DroneState", "jsonschema", STATE_SCHEMA);
			int telemetry = writer.addChannel(schema, "/drones/d1/telemetry", "json", Map.of());
			int events = writer.addChannel(0, "/drones/d1/events", "json", Map.of());
			writer.addMessage(telemetry, 1, 2_000, 1_900, bytes("{\"seq\":1}"));
			writer.addMessage(events, 0, 1_000, 1_000, bytes("{}"));
			writer.addMessage(telemetry, 2, 3_000, 2_900, bytes("{\"seq\":2}"));
		}
	}

	private static RawRecord first(List<RawRecord> records, int opcode) {
		return records.stream().filter((record) -> record.opcode() == opcode).findFirst().orElseThrow();
	}

	private static long crc32(byte[] bytes) {
		CRC32 crc = new CRC32();
		crc.update(bytes);
		return crc.getValue();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String hex(String text) {
		return hex(bytes(text));
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	/**
	 * Counts the bytes written and keeps none of them.
	 */
	private static final class CountingOutputStream extends OutputStream {

		private long count;

		private boolean flushed;

		private boolean closed;

		@Override
		public void write(int b) {
			this.count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			this.count += len;
		}

		@Override
		public void flush() {
			this.flushed = true;
		}

		@Override
		public void close() {
			this.closed = true;
		}

	}

}
