package io.dronehub.recorder.mcap;

import java.nio.file.Path;

import io.dronehub.NodeScript;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official MCAP reader {@code @mcap/core}, which the build installs from
 * {@code backend/src/test/mcap/package-lock.json}, run by {@code read.mjs} on a file: the
 * file is read streaming and indexed with CRCs validated, and what each reader found is
 * returned as JSON ({@code streamed}, {@code indexed}).
 */
public final class OfficialMcapReader {

	private static final Path READER = Path.of("src", "test", "mcap");

	private OfficialMcapReader() {
	}

	/**
	 * Reads a file, failing the test if either reader rejects it.
	 * @param file an MCAP file
	 * @return what {@code read.mjs} printed
	 * @throws Exception if node cannot be run
	 */
	public static JsonNode read(Path file) throws Exception {
		assertThat(READER.resolve("node_modules/@mcap/core"))
			.as("the official MCAP reader, which the build installs (./mvnw verify, or npm ci --prefix "
					+ "backend/src/test/mcap)")
			.isDirectory();
		return JsonMapper.shared().readTree(NodeScript.run(READER, "read.mjs", file));
	}

}
