package io.dronehub.telemetry;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of {@link SubscriptionRate}: at most the rate asked for, evenly spaced in ticks,
 * each state saying how many the rate left out.
 */
class SubscriptionRateTests {

	@Test
	void twoHertzOfATenHertzSimulationIsEveryFifthStateEachSayingFourWereLeftOut() {
		SubscriptionRate rate = new SubscriptionRate(2, 10);

		List<long[]> admitted = admitted(rate, 0, 0, 25);

		assertThat(admitted).extracting((state) -> state[0]).containsExactly(0L, 5L, 10L, 15L, 20L, 25L);
		assertThat(admitted).extracting((state) -> state[1]).containsExactly(0L, 4L, 4L, 4L, 4L, 4L);
	}

	@Test
	void aRateThatIsNotAWholeNumberOfTicksStaysWithinOneTickOfEvenSpacing() {
		SubscriptionRate rate = new SubscriptionRate(3, 10);

		List<long[]> admitted = admitted(rate, 0, 100, 400);

		assertThat(admitted).hasSize(91);
		for (int i = 1; i < admitted.size(); i++) {
			long gap = admitted.get(i)[0] - admitted.get(i - 1)[0];
			assertThat(gap).isBetween(3L, 4L);
			assertThat(admitted.get(i)[1]).isEqualTo(gap - 1);
		}
		assertThat(admitted.get(admitted.size() - 1)[0] - admitted.get(0)[0]).isEqualTo(300);
	}

	@Test
	void theSimulationsOwnRateIsEveryTickAndEachDroneHasItsOwnSpacing() {
		SubscriptionRate everyTick = new SubscriptionRate(10, 10);
		assertThat(admitted(everyTick, 0, 7, 12)).extracting((state) -> state[1]).containsOnly(0L);

		SubscriptionRate slow = new SubscriptionRate(1, 10);
		assertThat(slow.admit(0, 2, 3)).isZero();
		assertThat(slow.admit(1, 2, 8)).as("another drone's first state").isZero();
		assertThat(slow.admit(0, 2, 8)).isEqualTo(SubscriptionRate.LEFT_OUT);
		assertThat(slow.admit(0, 2, 13)).isEqualTo(9);
		assertThat(slow.admit(1, 2, 13)).isEqualTo(SubscriptionRate.LEFT_OUT);
	}

	@Test
	void aSeqThatJumpsAheadIsLetThroughAndSpacingStartsAgainFromIt() {
		SubscriptionRate rate = new SubscriptionRate(2, 10);
		rate.admit(0, 1, 0);

		assertThat(rate.admit(0, 1, 40)).isEqualTo(39);
		assertThat(rate.admit(0, 1, 44)).isEqualTo(SubscriptionRate.LEFT_OUT);
		assertThat(rate.admit(0, 1, 45)).isEqualTo(4);
	}

	@Test
	void aHeaderIsReadAsHertzFromATenthToTheSimulationsRate() {
		assertThat(SubscriptionRate.of(null, 10)).isNull();
		assertThat(SubscriptionRate.of("0.1", 10)).isNotNull();
		assertThat(SubscriptionRate.of(" 10 ", 10)).isNotNull();
		for (String bad : List.of("0.05", "10.5", "0", "-1", "NaN", "Infinity", "fast", "")) {
			assertThatIllegalArgumentException().isThrownBy(() -> SubscriptionRate.of(bad, 10))
				.withMessage("rate-hz must be a number from 0.1 to 10 (the simulation's rate), not '" + bad + "'");
		}
	}

	/**
	 * The {@code seq} and {@code skipped} of each state from {@code from} to {@code to}
	 * admitted.
	 */
	private static List<long[]> admitted(SubscriptionRate rate, int slot, long from, long to) {
		List<long[]> admitted = new ArrayList<>();
		for (long seq = from; seq <= to; seq++) {
			long skipped = rate.admit(slot, 1, seq);
			if (skipped != SubscriptionRate.LEFT_OUT) {
				admitted.add(new long[] { seq, skipped });
			}
		}
		return admitted;
	}

}
