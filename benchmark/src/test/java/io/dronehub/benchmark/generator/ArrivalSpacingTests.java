package io.dronehub.benchmark.generator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArrivalSpacingTests {

	@Test
	void measuresHowFarArrivalsComeFromThePeriodAskedFor() {
		ArrivalSpacing spacing = new ArrivalSpacing(1000);
		spacing.interval(1000, 10);
		spacing.measuring(true);
		spacing.interval(1040, 10);
		spacing.interval(930, 11);
		spacing.interval(1000, 9);

		assertThat(spacing.jitterMillis().getTotalCount()).isEqualTo(3);
		assertThat(spacing.jitterMillis().getMaxValue()).isEqualTo(70);
		assertThat(spacing.minTicks()).isEqualTo(9);
		assertThat(spacing.maxTicks()).isEqualTo(11);
	}

	@Test
	void countsSkippedHeadersThatClaimMoreThanTheGap() {
		ArrivalSpacing spacing = new ArrivalSpacing(500);
		spacing.measuring(true);
		spacing.skipped(4, 4);
		spacing.skipped(6, 4);
		spacing.skipped(3, 4);

		assertThat(spacing.overstatedSkips()).isEqualTo(1);
	}

	@Test
	void countsNothingOutsideTheWindow() {
		ArrivalSpacing spacing = new ArrivalSpacing(500);
		spacing.interval(900, 5);
		spacing.skipped(0, 7);

		assertThat(spacing.jitterMillis().getTotalCount()).isZero();
		assertThat(spacing.minTicks()).isEqualTo(-1);
		assertThat(spacing.overstatedSkips()).isZero();
	}

}
