package io.dronehub.benchmark;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A run's results as ordered {@code name=value} lines that a shell script can read; text
 * values have their line breaks and {@code =} signs replaced.
 */
public final class Results {

	private final Map<String, String> values = new LinkedHashMap<>();

	public void put(String name, long value) {
		this.values.put(name, Long.toString(value));
	}

	public void put(String name, double value) {
		this.values.put(name, String.format(Locale.ROOT, "%.3f", value));
	}

	public void put(String name, String value) {
		this.values.put(name, value.replaceAll("[\\r\\n=]", " "));
	}

	public long longValue(String name) {
		return Long.parseLong(this.values.getOrDefault(name, "0"));
	}

	public String text() {
		StringBuilder text = new StringBuilder();
		this.values.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
		return text.toString();
	}

}
