package io.dronehub.benchmark.chart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Writes {@code results.html}: for every scenario of {@code results.csv}, its latency
 * percentiles and its server CPU per delivery as bars on logarithmic axes (the rows span
 * from milliseconds to RabbitMQ's tens of seconds), rows that do not count drawn pale.
 * Plain SVG in one page, no script.
 */
public final class ResultsChart {

	private static final int LABEL_WIDTH = 190;

	private static final int PLOT_WIDTH = 560;

	private static final int VALUE_WIDTH = 70;

	private static final int AXIS_HEIGHT = 28;

	private static final Series[] LATENCIES = { new Series("p50", "#9ecae1", ResultRow::p50),
			new Series("p99", "#3182bd", ResultRow::p99), new Series("p99.9", "#08519c", ResultRow::p999) };

	private static final Series[] CPU = {
			new Series("server µs per delivery", "#e6550d", ResultRow::microsPerDelivery) };

	private ResultsChart() {
	}

	/**
	 * Reads the CSV and writes the page.
	 * @param args {@code --csv=FILE --out=FILE [--caption=TEXT]}
	 * @throws Exception when a file cannot be read or written
	 */
	public static void main(String[] args) throws Exception {
		String csv = null;
		String out = null;
		String caption = "";
		for (String arg : args) {
			if (arg.startsWith("--csv=")) {
				csv = arg.substring(6);
			}
			else if (arg.startsWith("--out=")) {
				out = arg.substring(6);
			}
			else if (arg.startsWith("--caption=")) {
				caption = arg.substring(10);
			}
			else {
				throw new IllegalArgumentException("unknown option " + arg);
			}
		}
		if (csv == null || out == null) {
			throw new IllegalArgumentException("usage: chart --csv=FILE --out=FILE [--caption=TEXT]");
		}
		List<ResultRow> rows = ResultRow.parse(Files.readAllLines(Path.of(csv), StandardCharsets.UTF_8));
		Files.writeString(Path.of(out), html(rows, caption), StandardCharsets.UTF_8);
	}

	/**
	 * The page for some rows.
	 * @param rows the scenarios, in table order
	 * @param caption how and when they were measured
	 * @return a complete HTML document
	 */
	static String html(List<ResultRow> rows, String caption) {
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<title>Drone Telemetry Hub: fan-out benchmark</title>
				<style>
				body { font: 14px system-ui, sans-serif; margin: 24px; color: #222; }
				h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }
				svg text { font: 12px system-ui, sans-serif; fill: #222; }
				.legend span { display: inline-block; margin-right: 16px; }
				.legend i { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; }
				</style>
				</head>
				<body>
				<h1>Fan-out benchmark</h1>
				<p>%s</p>
				<p>Pale rows do not count: their generator used more than 75 %% of its core, or they were not measured.</p>
				<h2>End-to-end latency, ms (logarithmic)</h2>
				%s%s
				<h2>Server CPU per delivered message, µs (logarithmic)</h2>
				%s
				</body>
				</html>
				"""
			.formatted(escape(caption), legend(LATENCIES), panel(rows, LATENCIES), panel(rows, CPU));
	}

	private static String legend(Series[] series) {
		StringBuilder legend = new StringBuilder("<p class=\"legend\">");
		for (Series one : series) {
			legend.append("<span><i style=\"background:")
				.append(one.color())
				.append("\"></i>")
				.append(escape(one.name()))
				.append("</span>");
		}
		return legend.append("</p>\n").toString();
	}

	private static String panel(List<ResultRow> rows, Series[] series) {
		List<Double> values = new ArrayList<>();
		for (ResultRow row : rows) {
			for (Series one : series) {
				one.value().apply(row).ifPresent(values::add);
			}
		}
		LogAxis axis = LogAxis.covering(values);
		int barHeight = (series.length == 1) ? 14 : 11;
		int rowHeight = series.length * barHeight + 10;
		int height = rows.size() * rowHeight + AXIS_HEIGHT;
		int width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH;
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">%n", width, height));
		for (double tick : axis.ticks()) {
			int x = LABEL_WIDTH + axis.position(tick, PLOT_WIDTH);
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
							+ "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
					x, x, height - AXIS_HEIGHT, x, height - 10, number(tick)));
		}
		for (int r = 0; r < rows.size(); r++) {
			ResultRow row = rows.get(r);
			int top = r * rowHeight + 5;
			String label = row.scenario() + (row.counts() ? "" : " (" + shortReason(row.valid()) + ")");
			svg.append(String.format(Locale.ROOT, "<g opacity=\"%s\"><title>%s</title>%n", row.counts() ? "1" : "0.4",
					escape(row.scenario() + ": " + row.valid())));
			svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
					LABEL_WIDTH - 8, top + rowHeight / 2, escape(label)));
			for (int s = 0; s < series.length; s++) {
				OptionalDouble value = series[s].value().apply(row);
				if (value.isEmpty()) {
					continue;
				}
				int y = top + s * barHeight;
				int length = Math.max(1, axis.position(value.getAsDouble(), PLOT_WIDTH));
				svg.append(String.format(Locale.ROOT,
						"<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>"
								+ "<text x=\"%d\" y=\"%d\">%s</text>%n",
						LABEL_WIDTH, y, length, barHeight - 1, series[s].color(), LABEL_WIDTH + length + 4,
						y + barHeight - 1, number(value.getAsDouble())));
			}
			svg.append("</g>\n");
		}
		return svg.append("</svg>\n").toString();
	}

	private static String shortReason(String valid) {
		return valid.isEmpty() ? "not measured" : valid.toLowerCase(Locale.ROOT).split(" ")[0];
	}

	private static String number(double value) {
		if (value >= 100 || value == Math.rint(value)) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		return String.format(Locale.ROOT, "%.1f", value);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	/**
	 * One bar per row.
	 *
	 * @param name the legend's name
	 * @param color the bar's fill
	 * @param value the row's value, if measured
	 */
	private record Series(String name, String color, Function<ResultRow, OptionalDouble> value) {
	}

}
