package io.dronehub.benchmark.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A scrape in the Prometheus text format, as much of it as the generator reads: each
 * sample's name, labels and value ({@code # } lines and timestamps ignored).
 *
 * @param samples the samples, in the scrape's order
 */
record PrometheusSamples(List<Sample> samples) {

	/**
	 * Parses a scrape.
	 * @param text the text format, as {@code /actuator/prometheus} serves it
	 * @return its samples
	 * @throws IllegalArgumentException for a line that is not a sample
	 */
	static PrometheusSamples parse(String text) {
		List<Sample> samples = new ArrayList<>();
		for (String line : text.split("\n")) {
			line = line.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			samples.add(sample(line));
		}
		return new PrometheusSamples(samples);
	}

	/**
	 * The value of the sample with a name and at least the given labels.
	 * @param name the sample's name, such as {@code hub_recorder_written_total}
	 * @param labels {@code name=value} pairs the sample must carry
	 * @return its value, or empty when there is none
	 */
	OptionalDouble value(String name, String... labels) {
		for (Sample sample : this.samples) {
			if (sample.name().equals(name) && sample.has(labels)) {
				return OptionalDouble.of(sample.value());
			}
		}
		return OptionalDouble.empty();
	}

	/**
	 * A histogram's cumulative buckets.
	 * @param name the histogram's base name, such as
	 * {@code hub_recorder_write_latency_seconds}
	 * @return each bucket's upper bound ({@code le}, infinity included) and how many
	 * observations were at most that, ascending; empty when there is no such histogram
	 */
	TreeMap<Double, Double> buckets(String name) {
		TreeMap<Double, Double> buckets = new TreeMap<>();
		for (Sample sample : this.samples) {
			String bound = sample.labels().get("le");
			if (sample.name().equals(name + "_bucket") && bound != null) {
				buckets.put(number(bound), sample.value());
			}
		}
		return buckets;
	}

	private static Sample sample(String line) {
		int brace = line.indexOf('{');
		int space = line.indexOf(' ');
		if (space < 0) {
			throw new IllegalArgumentException("not a sample: " + line);
		}
		Map<String, String> labels = new LinkedHashMap<>();
		String name;
		String rest;
		if (brace >= 0 && brace < space) {
			int close = line.indexOf('}', brace);
			if (close < 0) {
				throw new IllegalArgumentException("not a sample: " + line);
			}
			name = line.substring(0, brace);
			labels(line.substring(brace + 1, close), labels);
			rest = line.substring(close + 1).strip();
		}
		else {
			name = line.substring(0, space);
			rest = line.substring(space + 1).strip();
		}
		String value = rest.split("\\s+")[0];
		return new Sample(name, labels, number(value));
	}

	/** Reads {@code a="x",b="y",} (label values here never hold quotes or commas). */
	private static void labels(String text, Map<String, String> labels) {
		for (String pair : text.split(",")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				String value = pair.substring(equals + 1).strip();
				if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
					value = value.substring(1, value.length() - 1);
				}
				labels.put(pair.substring(0, equals).strip(), value);
			}
		}
	}

	private static double number(String text) {
		return switch (text) {
			case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
			case "-Inf" -> Double.NEGATIVE_INFINITY;
			default -> Double.parseDouble(text);
		};
	}

	/**
	 * One sample.
	 *
	 * @param name its name
	 * @param labels its labels
	 * @param value its value
	 */
	record Sample(String name, Map<String, String> labels, double value) {

		boolean has(String... pairs) {
			for (String pair : pairs) {
				int equals = pair.indexOf('=');
				if (!pair.substring(equals + 1).equals(this.labels.get(pair.substring(0, equals)))) {
					return false;
				}
			}
			return true;
		}

	}

}
