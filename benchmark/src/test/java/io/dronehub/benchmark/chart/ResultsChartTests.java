package io.dronehub.benchmark.chart;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsChartTests {

	private static final List<String> CSV = List.of(
			"scenario,connections,p50 ms,p99 ms,p99.9 ms,max ms,server µs/delivery,generator CPU %,valid,notes",
			"fleet-1000,1000/1000,28,73,83,92,5.94,26,ok,",
			"baseline-1000,1000/1000,52,120,145,153,10.35,81," + "INVALID (generator > 75 %),floor",
			"peer-500,500/500,15359,21343,21423,21423,117.09,26,ok,RabbitMQ", "crowd-10000,n/a,,,,,,,FAILED,");

	@Test
	void readsTheColumnsTheChartDrawsByName() {
		List<ResultRow> rows = ResultRow.parse(CSV);

		assertThat(rows).extracting(ResultRow::scenario)
			.containsExactly("fleet-1000", "baseline-1000", "peer-500", "crowd-10000");
		assertThat(rows.get(0).p99().getAsDouble()).isEqualTo(73);
		assertThat(rows.get(0).microsPerDelivery().getAsDouble()).isEqualTo(5.94);
		assertThat(rows.get(0).counts()).isTrue();
		assertThat(rows.get(1).counts()).isFalse();
		assertThat(rows.get(3).p50()).isEmpty();
	}

	@Test
	void theAxisSpansFromMillisecondsToTheSlowestRowInPowersOfTen() {
		LogAxis axis = LogAxis.covering(List.of(28.0, 73.0, 21_343.0));

		assertThat(axis.ticks()).containsExactly(1.0, 10.0, 100.0, 1_000.0, 10_000.0, 100_000.0);
		assertThat(axis.position(1, 500)).isZero();
		assertThat(axis.position(100, 500)).isEqualTo(200);
		assertThat(axis.position(0, 500)).isZero();
	}

	@Test
	void drawsABarPerMeasuredValueAndPalesTheRowsThatDoNotCount() {
		String html = ResultsChart.html(ResultRow.parse(CSV), "pinned, 15 s");

		assertThat(html).contains("<p>pinned, 15 s</p>")
			.contains("baseline-1000 (invalid)")
			.contains("crowd-10000 (failed)")
			.contains(">21,343<")
			.contains(">5.9<");
		assertThat(html.split("<rect ", -1)).hasSize(1 + 3 * 3 + 3);
		assertThat(html.split("opacity=\"0.4\"", -1)).hasSize(1 + 2 * 2);
	}

}
