/**
 * Fan-out benchmark tooling for the hub: a load generator and a floor server, started by
 * {@code benchmark/run.sh}, never by the test suite.
 */
@NullMarked
package io.dronehub.benchmark;

import org.jspecify.annotations.NullMarked;
