package io.dronehub.benchmark.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A logarithmic axis from one power of ten to another, covering every value drawn on it;
 * values below the first power sit at the axis' start.
 *
 * @param minExponent the power of ten the axis starts at
 * @param maxExponent the power of ten it ends at, above {@code minExponent}
 */
record LogAxis(int minExponent, int maxExponent) {

	/**
	 * The axis for some values: from 1 (or the power of ten below the smallest value, if
	 * under 1) to the power of ten above the largest.
	 * @param values the values drawn on it
	 * @return the axis
	 */
	static LogAxis covering(List<Double> values) {
		double min = 1;
		double max = 10;
		for (double value : values) {
			if (value > 0) {
				min = Math.min(min, value);
				max = Math.max(max, value);
			}
		}
		int low = (int) Math.floor(Math.log10(min));
		int high = Math.max(low + 1, (int) Math.ceil(Math.log10(max)));
		return new LogAxis(low, high);
	}

	/**
	 * Where a value falls.
	 * @param value a value, clamped to the axis
	 * @param width the axis' length in pixels
	 * @return pixels from the axis' start
	 */
	int position(double value, int width) {
		double exponent = Math.log10(Math.max(value, Math.pow(10, this.minExponent)));
		double share = (exponent - this.minExponent) / (this.maxExponent - this.minExponent);
		return (int) Math.round(Math.min(1, share) * width);
	}

	/**
	 * The powers of ten along the axis.
	 * @return them, ascending
	 */
	List<Double> ticks() {
		List<Double> ticks = new ArrayList<>();
		for (int e = this.minExponent; e <= this.maxExponent; e++) {
			ticks.add(Math.pow(10, e));
		}
		return ticks;
	}

}
