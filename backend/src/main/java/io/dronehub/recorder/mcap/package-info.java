/**
 * A streaming writer of MCAP files, the recording format that Foxglove, Lichtblick and
 * PlotJuggler open; imports nothing else of the hub.
 *
 * <h2>What is written</h2>
 * <p>
 * The subset of MCAP (major version 0) that {@link io.dronehub.recorder.mcap.McapWriter}
 * writes, as the specification at {@code mcap.dev/spec} defines it:
 * <ul>
 * <li>magic, then a Header with an empty profile and library
 * {@code drone-telemetry-hub};</li>
 * <li>Schema and Channel records in the data section, each as it is added;</li>
 * <li>Message records in uncompressed Chunks of
 * {@link io.dronehub.recorder.mcap.McapWriter#DEFAULT_CHUNK_SIZE about one mebibyte},
 * each chunk followed by one Message Index per channel in it;</li>
 * <li>Data End with the CRC-32 of the data section;</li>
 * <li>a summary of the Schema and Channel records again, one Statistics record (message
 * count per channel, log time span) and a Chunk Index per chunk, then a Summary Offset
 * per group of summary records;</li>
 * <li>the Footer with the CRC-32 of the summary, then magic.</li>
 * </ul>
 * <p>
 * The file is therefore indexed: readers seek by log time and topic without scanning it.
 * Chunks are written because the official indexed reader, which Lichtblick and Foxglove
 * use, finds messages only through Chunk Index records; without them Lichtblick loads the
 * whole file into memory, refuses files over 1 GB and warns that the file is unindexed.
 * Attachments, Metadata records and compression are not written. Every CRC field is
 * filled in: chunk, data section and summary.
 */
@NullMarked
package io.dronehub.recorder.mcap;

import org.jspecify.annotations.NullMarked;
