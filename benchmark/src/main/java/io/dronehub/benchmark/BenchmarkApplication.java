package io.dronehub.benchmark;

import java.util.Arrays;

import io.dronehub.benchmark.baseline.BaselineApplication;
import io.dronehub.benchmark.chart.ResultsChart;
import io.dronehub.benchmark.generator.LoadGenerator;

/**
 * Entry point of the benchmark jar: {@code generate} runs the load generator,
 * {@code baseline} runs the floor server, {@code chart} draws the results; the remaining
 * arguments go to the chosen program.
 */
public final class BenchmarkApplication {

	private BenchmarkApplication() {
	}

	/**
	 * Runs the program named by the first argument.
	 * @param args {@code generate|baseline|chart} followed by that program's options
	 * @throws Exception when the program fails
	 */
	public static void main(String[] args) throws Exception {
		String program = (args.length > 0) ? args[0] : "";
		String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
		switch (program) {
			case "generate" -> LoadGenerator.main(rest);
			case "baseline" -> BaselineApplication.main(rest);
			case "chart" -> ResultsChart.main(rest);
			default -> {
				System.err.println("usage: java -jar benchmark.jar generate|baseline|chart [--option=value ...]");
				System.exit(2);
			}
		}
	}

}
