package io.dronehub.benchmark.generator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A run's results as ordered {@code name=value} lines that a shell script can read; text
 * values have their line breaks and {@code =} signs replaced.
 */
final class Results {

	private final Map<String, String> values = new LinkedHashMap<>();

	void put(String name, long value) {
		this.values.put(name, Long.toString(value));
	}

	void put(String name, double value) {
		this.values.put(name, String.format(Locale.ROOT, "%.3f", value));
	}

	void put(String name, String value) {
		this.values.put(name, value.replaceAll("[\\r\\n=]", " "));
	}

	long longValue(String name) {
		return Long.parseLong(this.values.getOrDefault(name, "0"));
	}

	String text() {
		StringBuilder text = new StringBuilder();
		this.values.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
		return text.toString();
	}

}
