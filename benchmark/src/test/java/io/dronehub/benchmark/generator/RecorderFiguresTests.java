package io.dronehub.benchmark.generator;

import java.util.LinkedHashMap;
import java.util.Map;

import io.dronehub.benchmark.Results;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class RecorderFiguresTests {

	private static final String BEFORE = """
			# HELP hub_recorder_written_total Recorded items written
			# TYPE hub_recorder_written_total counter
			hub_recorder_written_total{kind="events"} 70.0
			hub_recorder_written_total{kind="states"} 1095.0
			hub_recorder_dropped_total{kind="events"} 0.0
			hub_recorder_dropped_total{kind="states"} 2.0
			hub_recorder_queued 0.0
			hub_recorder_queued_max 16.0
			hub_recorder_write_latency_seconds_bucket{le="0.001"} 10
			hub_recorder_write_latency_seconds_bucket{le="0.002"} 20
			hub_recorder_write_latency_seconds_bucket{le="0.004"} 20
			hub_recorder_write_latency_seconds_bucket{le="+Inf"} 21
			hub_recorder_write_latency_seconds_count 21
			hub_recorder_write_latency_seconds_sum 1.5
			hub_recorder_write_latency_seconds_max 1.364098946
			""";

	private static final String AFTER = """
			hub_recorder_written_total{kind="events"} 75.0
			hub_recorder_written_total{kind="states"} 2095.0
			hub_recorder_dropped_total{kind="events"} 0.0
			hub_recorder_dropped_total{kind="states"} 2.0
			hub_recorder_queued 1.0
			hub_recorder_queued_max 16.0
			hub_recorder_write_latency_seconds_bucket{le="0.001"} 60
			hub_recorder_write_latency_seconds_bucket{le="0.002"} 119
			hub_recorder_write_latency_seconds_bucket{le="0.004"} 120
			hub_recorder_write_latency_seconds_bucket{le="+Inf"} 121
			hub_recorder_write_latency_seconds_count 121
			hub_recorder_write_latency_seconds_sum 1.6
			hub_recorder_write_latency_seconds_max 0.003
			""";

	@Test
	void theWindowsFiguresAreWhatGrewBetweenItsTwoScrapes() {
		Map<String, String> figures = figures(BEFORE, AFTER, 10);

		assertThat(figures).contains(entry("recorder", "on"), entry("recorder_states_written", "1000"),
				entry("recorder_states_per_s", "100.000"), entry("recorder_events_written", "5"),
				entry("recorder_states_dropped", "0"), entry("recorder_dropped_since_start", "2"),
				entry("recorder_queued_max_before", "16"), entry("recorder_queued_max", "16"),
				entry("recorder_queued_end", "1"), entry("recorder_writes", "100"),
				entry("recorder_writes_per_s", "10.000"), entry("recorder_write_mean_ms", "1.000"));
	}

	@Test
	void latencyPercentilesAreTheBoundsOfTheBucketsTheWindowsWritesFellIn() {
		Map<String, String> figures = figures(BEFORE, AFTER, 10);

		assertThat(figures).as("50 of 100 writes at most 1 ms, 99 at most 2 ms, all at most 4 ms")
			.contains(entry("recorder_write_p99_ms", "2.000"), entry("recorder_write_max_ms", "4.000"));
	}

	@Test
	void aWindowWithoutWritesHasNoLatency() {
		Map<String, String> figures = figures(AFTER, AFTER, 10);

		assertThat(figures).contains(entry("recorder_writes", "0"), entry("recorder_write_mean_ms", "-1.000"),
				entry("recorder_write_p99_ms", "-1.000"));
	}

	@Test
	void aHubWithoutTheRecorderSaysSo() {
		assertThat(figures("", "", 10)).containsExactly(entry("recorder", "off"));
	}

	@Test
	void samplesAreFoundByNameAndLabels() {
		PrometheusSamples samples = PrometheusSamples.parse(BEFORE);

		assertThat(samples.value("hub_recorder_written_total", "kind=states")).hasValue(1095);
		assertThat(samples.value("hub_recorder_queued_max")).hasValue(16);
		assertThat(samples.value("hub_recorder_written_total", "kind=other")).isEmpty();
		assertThat(samples.buckets("hub_recorder_write_latency_seconds")).hasSize(4)
			.containsEntry(Double.POSITIVE_INFINITY, 21.0);
	}

	private static Map<String, String> figures(String before, String after, double windowSeconds) {
		Results results = new Results();
		new RecorderFigures(PrometheusSamples.parse(before), PrometheusSamples.parse(after), windowSeconds)
			.addTo(results);
		Map<String, String> values = new LinkedHashMap<>();
		results.text().lines().forEach((line) -> {
			int equals = line.indexOf('=');
			values.put(line.substring(0, equals), line.substring(equals + 1));
		});
		return values;
	}

}
