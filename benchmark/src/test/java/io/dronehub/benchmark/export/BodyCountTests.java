package io.dronehub.benchmark.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.dronehub.benchmark.export.ExportBenchmark.BodyCount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BodyCountTests {

	@Test
	void linesAreCountedAcrossReads() {
		BodyCount count = count("{\"seq\":1}\n{\"se", "q\":2}\n");

		assertThat(count.bytes()).isEqualTo(20);
		assertThat(count.problem("ndjson", 2)).isNull();
		assertThat(count.problem("ndjson", 3)).isEqualTo("2 lines for 3 states");
		assertThat(count.problem("csv", 1)).isNull();
	}

	@Test
	void anMcapFileHasItsMagicAtBothEnds() {
		byte[] magic = { (byte) 0x89, 'M', 'C', 'A', 'P', '0', '\r', '\n' };
		byte[] file = new byte[100];
		System.arraycopy(magic, 0, file, 0, 8);
		System.arraycopy(magic, 0, file, 92, 8);
		BodyCount whole = new BodyCount();
		whole.add(file, 60);
		whole.add(Arrays.copyOfRange(file, 60, 100), 40);
		BodyCount cut = new BodyCount();
		cut.add(file, 95);

		assertThat(whole.problem("mcap", 10)).isNull();
		assertThat(cut.problem("mcap", 10)).isEqualTo("not an MCAP file");
	}

	private static BodyCount count(String... reads) {
		BodyCount count = new BodyCount();
		for (String read : reads) {
			byte[] bytes = read.getBytes(StandardCharsets.UTF_8);
			count.add(bytes, bytes.length);
		}
		return count;
	}

}
