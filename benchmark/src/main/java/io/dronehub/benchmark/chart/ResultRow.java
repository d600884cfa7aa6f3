package io.dronehub.benchmark.chart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One scenario of the results table, as much of it as the chart draws.
 *
 * @param scenario the row's name, such as {@code fleet-1000}
 * @param p50 median latency, ms
 * @param p99 99th percentile latency, ms
 * @param p999 99.9th percentile latency, ms
 * @param microsPerDelivery server CPU per delivered message, µs
 * @param valid {@code ok}, or why the row does not count
 */
record ResultRow(String scenario, OptionalDouble p50, OptionalDouble p99, OptionalDouble p999,
		OptionalDouble microsPerDelivery, String valid) {

	/**
	 * Reads the rows of {@code results.csv}: a header line naming the columns, then one
	 * line per scenario, no field holding a comma.
	 * @param lines the file's lines
	 * @return the rows, in file order
	 */
	static List<ResultRow> parse(List<String> lines) {
		if (lines.isEmpty()) {
			return List.of();
		}
		Map<String, Integer> columns = new HashMap<>();
		String[] header = lines.get(0).split(",", -1);
		for (int i = 0; i < header.length; i++) {
			columns.put(header[i], i);
		}
		List<ResultRow> rows = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			if (line.isBlank()) {
				continue;
			}
			String[] fields = line.split(",", -1);
			rows.add(new ResultRow(field(fields, columns, "scenario"), number(fields, columns, "p50 ms"),
					number(fields, columns, "p99 ms"), number(fields, columns, "p99.9 ms"),
					number(fields, columns, "server µs/delivery"), field(fields, columns, "valid")));
		}
		return rows;
	}

	/**
	 * Whether the row counts: measured, and its generator within budget.
	 * @return {@code true} for a valid row
	 */
	boolean counts() {
		return "ok".equals(this.valid);
	}

	private static String field(String[] fields, Map<String, Integer> columns, String name) {
		Integer index = columns.get(name);
		if (index == null) {
			throw new IllegalArgumentException("results.csv has no column " + name);
		}
		return (index < fields.length) ? fields[index].trim() : "";
	}

	private static OptionalDouble number(String[] fields, Map<String, Integer> columns, String name) {
		String text = field(fields, columns, name);
		try {
			double value = Double.parseDouble(text);
			return (value >= 0) ? OptionalDouble.of(value) : OptionalDouble.empty();
		}
		catch (NumberFormatException ex) {
			return OptionalDouble.empty();
		}
	}

}
