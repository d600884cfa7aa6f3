/**
 * The flight recorder's export benchmark: long flights written straight into its tables,
 * then streamed out of the hub in each format, timed, with the hub's heap read
 * mid-stream.
 */
@NullMarked
package io.dronehub.benchmark.export;

import org.jspecify.annotations.NullMarked;
