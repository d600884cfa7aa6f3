package io.dronehub.benchmark.generator;

import java.util.Map;
import java.util.TreeMap;

import io.dronehub.benchmark.Results;

/**
 * What the flight recorder did during the measured window, from two scrapes of the hub's
 * meters, one at each end: states and events written and dropped, the queue's length at
 * the end and its high-water mark, and the batches' write latency. Latency percentiles
 * come from the growth of the {@code hub.recorder.write.latency} histogram's buckets over
 * the window (the hub must publish them), so they are bucket upper bounds, a few tens of
 * percent coarse.
 *
 * @param before the scrape at the window's start
 * @param after the scrape at its end
 * @param seconds the time between the two scrapes, which spans the window
 */
record RecorderFigures(PrometheusSamples before, PrometheusSamples after, double seconds) {

	private static final String WRITTEN = "hub_recorder_written_total";

	private static final String DROPPED = "hub_recorder_dropped_total";

	private static final String LATENCY = "hub_recorder_write_latency_seconds";

	/**
	 * Adds the figures to a run's results: {@code recorder=off} when the hub has no
	 * recorder.
	 * @param results where they go
	 */
	void addTo(Results results) {
		if (this.after.value(WRITTEN, "kind=states").isEmpty()) {
			results.put("recorder", "off");
			return;
		}
		results.put("recorder", "on");
		double states = growth(WRITTEN, "kind=states");
		results.put("recorder_states_written", (long) states);
		results.put("recorder_states_per_s", states / this.seconds);
		results.put("recorder_events_written", (long) growth(WRITTEN, "kind=events"));
		results.put("recorder_states_dropped", (long) growth(DROPPED, "kind=states"));
		results.put("recorder_events_dropped", (long) growth(DROPPED, "kind=events"));
		results.put("recorder_dropped_since_start",
				(long) (value(this.after, DROPPED, "kind=states") + value(this.after, DROPPED, "kind=events")));
		results.put("recorder_queued_max_before", (long) value(this.before, "hub_recorder_queued_max"));
		results.put("recorder_queued_max", (long) value(this.after, "hub_recorder_queued_max"));
		results.put("recorder_queued_end", (long) value(this.after, "hub_recorder_queued"));
		double writes = growth(LATENCY + "_count");
		results.put("recorder_writes", (long) writes);
		results.put("recorder_writes_per_s", writes / this.seconds);
		results.put("recorder_write_mean_ms", (writes > 0) ? 1000 * growth(LATENCY + "_sum") / writes : -1);
		results.put("recorder_write_p99_ms", percentileMillis(0.99));
		results.put("recorder_write_max_ms", percentileMillis(1));
	}

	/**
	 * The upper bound of the bucket that holds a share of the window's writes.
	 * @param share 0.99 for the 99th percentile, 1 for the maximum
	 * @return milliseconds, or -1 without buckets or writes (or beyond the last finite
	 * bucket)
	 */
	double percentileMillis(double share) {
		TreeMap<Double, Double> start = this.before.buckets(LATENCY);
		TreeMap<Double, Double> end = this.after.buckets(LATENCY);
		double total = growth(LATENCY + "_count");
		if (end.isEmpty() || total <= 0) {
			return -1;
		}
		for (Map.Entry<Double, Double> bucket : end.entrySet()) {
			double count = bucket.getValue() - start.getOrDefault(bucket.getKey(), 0.0);
			if (count >= share * total - 1e-9) {
				return Double.isInfinite(bucket.getKey()) ? -1 : bucket.getKey() * 1000;
			}
		}
		return -1;
	}

	private double growth(String name, String... labels) {
		return value(this.after, name, labels) - value(this.before, name, labels);
	}

	private static double value(PrometheusSamples samples, String name, String... labels) {
		return samples.value(name, labels).orElse(0);
	}

}
