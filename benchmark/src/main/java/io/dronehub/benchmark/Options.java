package io.dronehub.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A program's {@code --name=value} arguments ({@code --name} alone means {@code true}),
 * each read once by name with its default; whatever is left unread is an unknown option.
 */
public final class Options {

	private final Map<String, String> values = new HashMap<>();

	private Options() {
	}

	/**
	 * Reads arguments.
	 * @param args {@code --name=value} arguments
	 * @return them, to be read by name
	 * @throws IllegalArgumentException for an argument that is not an option
	 */
	public static Options parse(String[] args) {
		Options options = new Options();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("expected --name=value, got " + arg);
			}
			int equals = arg.indexOf('=');
			options.values.put((equals < 0) ? arg.substring(2) : arg.substring(2, equals),
					(equals < 0) ? "true" : arg.substring(equals + 1));
		}
		return options;
	}

	/**
	 * An option's text.
	 * @param name the option
	 * @param fallback its default
	 * @return the value given, or the default
	 */
	public String text(String name, String fallback) {
		String value = this.values.remove(name);
		return (value != null) ? value : fallback;
	}

	/**
	 * An option without a default.
	 * @param name the option
	 * @return the value given, or {@code null} when none or an empty one was
	 */
	public @Nullable String optional(String name) {
		String value = this.values.remove(name);
		return (value == null || value.isEmpty()) ? null : value;
	}

	/**
	 * A whole number.
	 * @param name the option
	 * @param fallback its default
	 * @return the value given, or the default
	 */
	public int integer(String name, int fallback) {
		return Integer.parseInt(text(name, Integer.toString(fallback)));
	}

	/**
	 * A whole number that may exceed an {@code int}.
	 * @param name the option
	 * @param fallback its default
	 * @return the value given, or the default
	 */
	public long longInteger(String name, long fallback) {
		return Long.parseLong(text(name, Long.toString(fallback)));
	}

	/**
	 * A yes or no: {@code true} (or the option alone) means yes.
	 * @param name the option
	 * @param fallback its default
	 * @return the value given, or the default
	 */
	public boolean bool(String name, boolean fallback) {
		return Boolean.parseBoolean(text(name, Boolean.toString(fallback)));
	}

	/**
	 * A comma-separated list.
	 * @param name the option
	 * @return its items, trimmed, blanks left out; empty when not given
	 */
	public List<String> list(String name) {
		List<String> items = new ArrayList<>();
		for (String item : text(name, "").split(",")) {
			if (!item.isBlank()) {
				items.add(item.trim());
			}
		}
		return items;
	}

	/**
	 * Checks that every option given was read.
	 * @throws IllegalArgumentException naming those that were not
	 */
	public void requireAllRead() {
		if (!this.values.isEmpty()) {
			throw new IllegalArgumentException("unknown options: " + this.values.keySet());
		}
	}

}
