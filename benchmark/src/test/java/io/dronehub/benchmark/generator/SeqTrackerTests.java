package io.dronehub.benchmark.generator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeqTrackerTests {

	@Test
	void gapsCountAsLostAndOlderStatesAsReordered() {
		SeqTracker tracker = new SeqTracker();

		assertThat(tracker.accept(3, 100)).isZero();
		assertThat(tracker.accept(3, 101)).isZero();
		assertThat(tracker.accept(3, 105)).isEqualTo(3);
		assertThat(tracker.accept(3, 104)).isEqualTo(-1);
		assertThat(tracker.accept(40, 1)).isZero();
	}

}
