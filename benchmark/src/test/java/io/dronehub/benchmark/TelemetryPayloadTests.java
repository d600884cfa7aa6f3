package io.dronehub.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TelemetryPayloadTests {

	/**
	 * The Node floor server's test checks its bodies against the same lines, so that both
	 * floors send the same bytes.
	 */
	@Test
	void payloadsAreTheLinesTheNodeFloorIsCheckedAgainst() throws IOException {
		List<String> lines;
		try (InputStream fixture = getClass().getResourceAsStream("/telemetry-payloads.txt")) {
			assertThat(fixture).isNotNull();
			lines = new String(fixture.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.toList();
		}
		assertThat(lines).isNotEmpty();
		for (String line : lines) {
			String[] fields = line.split(" ");
			byte[] json = TelemetryPayload.json(Integer.parseInt(fields[0]), Long.parseLong(fields[1]),
					Long.parseLong(fields[2]));
			assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo(fields[3]);
		}
	}

}
