package io.dronehub.recorder.mcap;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes an MCAP file to an {@link OutputStream} as messages are added, so that a file of
 * any length needs no more memory than one chunk (see {@link #DEFAULT_CHUNK_SIZE}) and
 * one small index entry per chunk.
 *
 * <p>
 * Add schemas, then channels that name them, then messages on those channels; schemas and
 * channels may also be added between messages. {@link #close()} ends the file with its
 * summary and footer; without it the file is not valid MCAP. Arguments that MCAP cannot
 * represent are rejected with {@link IllegalArgumentException}.
 *
 * <p>
 * Not thread-safe: one thread owns a writer from construction to {@code close()}. After
 * an {@link IOException} from the stream the file is incomplete.
 */
public final class McapWriter implements Closeable {

	/**
	 * How many bytes of messages a chunk holds before it is written, as in the reference
	 * TypeScript writer.
	 */
	public static final int DEFAULT_CHUNK_SIZE = 1024 * 1024;

	private static final String LIBRARY = "drone-telemetry-hub";

	private static final int MAX_ID = 0xFFFF;

	private static final long MAX_SEQUENCE = 0xFFFF_FFFFL;

	private final CrcOutput output;

	private final int chunkSizeBytes;

	private final RecordBuffer records = new RecordBuffer(1024);

	private final ChunkBuilder chunk;

	private final List<Schema> schemas = new ArrayList<>();

	private final List<Channel> channels = new ArrayList<>();

	private final SortedMap<Integer, Long> messageCounts = new TreeMap<>();

	private final List<ChunkIndex> chunkIndexes = new ArrayList<>();

	private boolean closed;

	/**
	 * Start a file with chunks of {@link #DEFAULT_CHUNK_SIZE}.
	 * @param stream where the file goes; {@link #close()} flushes it but leaves it open
	 * @throws IOException if the stream fails when the header is written
	 */
	public McapWriter(OutputStream stream) throws IOException {
		this(stream, DEFAULT_CHUNK_SIZE);
	}

	/**
	 * Start a file whose chunks are written once they hold {@code chunkSizeBytes} of
	 * messages; smaller chunks let readers seek more finely.
	 * @param stream where the file goes; {@link #close()} flushes it but leaves it open
	 * @param chunkSizeBytes at least 1
	 * @throws IOException if the stream fails when the header is written
	 */
	public McapWriter(OutputStream stream, int chunkSizeBytes) throws IOException {
		require(chunkSizeBytes > 0, "chunk size must be positive");
		this.output = new CrcOutput(stream);
		this.chunkSizeBytes = chunkSizeBytes;
		this.chunk = new ChunkBuilder();
		this.records.magic();
		this.records.beginRecord(Opcode.HEADER);
		this.records.string("");
		this.records.string(LIBRARY);
		this.records.endRecord();
		this.records.flushTo(this.output);
	}

	/**
	 * Add a schema, written to the file at once.
	 * @param name the type's name, e.g. {@code foxglove.LocationFix}
	 * @param encoding the schema language, e.g. {@code jsonschema}; empty for none
	 * @param data the schema in that language (empty when the encoding is); copied
	 * @return the schema's id for {@link #addChannel}, from 1
	 * @throws IOException if the stream fails
	 */
	public int addSchema(String name, String encoding, byte[] data) throws IOException {
		requireOpen();
		require(!encoding.isEmpty() || data.length == 0, "a schema without encoding has no data");
		require(this.schemas.size() < MAX_ID, "a file holds at most " + MAX_ID + " schemas");
		Schema schema = new Schema(this.schemas.size() + 1, name, encoding, data.clone());
		this.schemas.add(schema);
		write(schema);
		return schema.id();
	}

	/**
	 * Add a channel, written to the file at once.
	 * @param schemaId an id that {@link #addSchema} returned, or 0 for none
	 * @param topic the topic, which no other channel of the file has
	 * @param messageEncoding e.g. {@code json}
	 * @param metadata free-form pairs, written in key order
	 * @return the channel's id for {@link #addMessage}, from 1
	 * @throws IOException if the stream fails
	 */
	public int addChannel(int schemaId, String topic, String messageEncoding, Map<String, String> metadata)
			throws IOException {
		requireOpen();
		require(schemaId >= 0 && schemaId <= this.schemas.size(), "no schema has id " + schemaId);
		require(this.channels.stream().noneMatch((channel) -> channel.topic().equals(topic)),
				"topic " + topic + " already has a channel");
		require(this.channels.size() < MAX_ID, "a file holds at most " + MAX_ID + " channels");
		Channel channel = new Channel(this.channels.size() + 1, schemaId, topic, messageEncoding,
				new TreeMap<>(metadata));
		this.channels.add(channel);
		this.messageCounts.put(channel.id(), 0L);
		write(channel);
		return channel.id();
	}

	/**
	 * Add a message; it reaches the stream when its chunk is full, or on
	 * {@link #close()}.
	 * @param channelId an id that {@link #addChannel} returned
	 * @param sequence a counter to detect gaps, from 0 to 2<sup>32</sup> - 1
	 * @param logTimeNanos when the message was recorded, in nanoseconds since the Unix
	 * epoch; the time readers order and seek by
	 * @param publishTimeNanos when it was published, likewise; the log time if unknown
	 * @param data the message in its channel's encoding; copied
	 * @throws IOException if the stream fails
	 */
	public void addMessage(int channelId, long sequence, long logTimeNanos, long publishTimeNanos, byte[] data)
			throws IOException {
		requireOpen();
		require(channelId >= 1 && channelId <= this.channels.size(), "no channel has id " + channelId);
		require(sequence >= 0 && sequence <= MAX_SEQUENCE, "sequence must fit in 32 unsigned bits");
		require(logTimeNanos >= 0 && publishTimeNanos >= 0, "times must not be before the epoch");
		this.chunk.addMessage(channelId, sequence, logTimeNanos, publishTimeNanos, data);
		this.messageCounts.merge(channelId, 1L, Long::sum);
		if (this.chunk.size() >= this.chunkSizeBytes) {
			writeChunk();
		}
	}

	/**
	 * End the file: write the last chunk, the Data End record, the summary and the
	 * footer, then flush the stream without closing it. Calling it again does nothing.
	 * @throws IOException if the stream fails
	 */
	@Override
	public void close() throws IOException {
		if (this.closed) {
			return;
		}
		this.closed = true;
		if (!this.chunk.isEmpty()) {
			writeChunk();
		}
		// The data section CRC covers every byte before Data End, magic included
		this.records.recordPrefix(Opcode.DATA_END, Integer.BYTES);
		this.records.uint32(this.output.crc());
		this.records.flushTo(this.output);
		long summaryStart = this.output.position();
		this.output.restartCrc();
		List<SummaryOffset> groups = writeSummary();
		long summaryOffsetStart = this.output.position();
		groups.stream().filter((group) -> group.length() > 0).forEach(this::writeSummaryOffset);
		this.records.recordPrefix(Opcode.FOOTER, Long.BYTES + Long.BYTES + Integer.BYTES);
		this.records.uint64(summaryStart);
		this.records.uint64(summaryOffsetStart);
		this.records.flushTo(this.output);
		// The summary CRC covers the summary through the footer's two offsets
		this.records.uint32(this.output.crc());
		this.records.magic();
		this.records.flushTo(this.output);
		this.output.flush();
	}

	private void writeChunk() throws IOException {
		this.chunkIndexes.add(this.chunk.writeTo(this.output, this.records));
	}

	private void write(SummaryRecord record) throws IOException {
		record.writeTo(this.records);
		this.records.flushTo(this.output);
	}

	private List<SummaryOffset> writeSummary() throws IOException {
		return List.of(writeGroup(Opcode.SCHEMA, this.schemas), writeGroup(Opcode.CHANNEL, this.channels),
				writeGroup(Opcode.STATISTICS, List.of(statistics())),
				writeGroup(Opcode.CHUNK_INDEX, this.chunkIndexes));
	}

	private SummaryOffset writeGroup(Opcode opcode, List<? extends SummaryRecord> group) throws IOException {
		long start = this.output.position();
		for (SummaryRecord record : group) {
			write(record);
		}
		return new SummaryOffset(opcode, start, this.output.position() - start);
	}

	/**
	 * Append a Summary Offset record, to be written with the footer.
	 */
	private void writeSummaryOffset(SummaryOffset group) {
		this.records.beginRecord(Opcode.SUMMARY_OFFSET);
		this.records.uint8(group.opcode().code());
		this.records.uint64(group.start());
		this.records.uint64(group.length());
		this.records.endRecord();
	}

	private Statistics statistics() {
		long start = this.chunkIndexes.stream().mapToLong(ChunkIndex::messageStartTime).min().orElse(0);
		long end = this.chunkIndexes.stream().mapToLong(ChunkIndex::messageEndTime).max().orElse(0);
		return new Statistics(this.schemas.size(), this.channels.size(), this.chunkIndexes.size(), start, end,
				new TreeMap<>(this.messageCounts));
	}

	private void requireOpen() {
		if (this.closed) {
			throw new IllegalStateException("the MCAP file has been closed");
		}
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	/**
	 * Where the group of summary records with one opcode lies.
	 */
	private record SummaryOffset(Opcode opcode, long start, long length) {
	}

}
