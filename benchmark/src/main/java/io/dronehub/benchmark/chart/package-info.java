/**
 * Draws the benchmark's results table as a chart: latency percentiles and server CPU per
 * delivery per scenario, in one self-contained HTML page.
 */
@NullMarked
package io.dronehub.benchmark.chart;

import org.jspecify.annotations.NullMarked;
