package io.dronehub.benchmark;

import java.util.Arrays;

import io.dronehub.benchmark.baseline.BaselineApplication;
import io.dronehub.benchmark.chart.ResultsChart;
import io.dronehub.benchmark.export.ExportBenchmark;
import io.dronehub.benchmark.export.FlightSeeder;
import io.dronehub.benchmark.generator.LoadGenerator;

/**
 * Entry point of the benchmark jar: {@code generate} runs the load generator,
 * {@code baseline} runs the floor server, {@code chart} draws the results, {@code seed}
 * writes long flights into a flight recorder's database and {@code export} measures their
 * export; the remaining arguments go to the chosen program.
 */
public final class BenchmarkApplication {

	private BenchmarkApplication() {
	}

	/**
	 * Runs the program named by the first argument.
	 * @param args {@code generate|baseline|chart|seed|export} followed by that program's
	 * options
	 * @throws Exception when the program fails
	 */
	public static void main(String[] args) throws Exception {
		String program = (args.length > 0) ? args[0] : "";
		String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
		switch (program) {
			case "generate" -> LoadGenerator.main(rest);
			case "baseline" -> BaselineApplication.main(rest);
			case "chart" -> ResultsChart.main(rest);
			case "seed" -> FlightSeeder.main(rest);
			case "export" -> ExportBenchmark.main(rest);
			default -> {
				System.err
					.println("usage: java -jar benchmark.jar generate|baseline|chart|seed|export [--option=value ...]");
				System.exit(2);
			}
		}
	}

}
