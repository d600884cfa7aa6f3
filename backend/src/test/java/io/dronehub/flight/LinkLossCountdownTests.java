package io.dronehub.flight;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LinkLossCountdown}, stepped at 10 Hz.
 */
class LinkLossCountdownTests {

	private static final double DT_SECONDS = 0.1;

	private final LinkLossCountdown countdown = new LinkLossCountdown(Duration.ofSeconds(5));

	@Test
	void aCountdownNotStartedNeverRunsOut() {
		assertThat(ticksUntilItRunsOut(200)).isEqualTo(-1);
	}

	@Test
	void runsOutOnceOnTheTickItsTimeoutEnds() {
		assertThat(this.countdown.timeoutSeconds()).isEqualTo(5);
		this.countdown.start();
		assertThat(ticksUntilItRunsOut(200)).isEqualTo(50);
		assertThat(ticksUntilItRunsOut(200)).as("after running out").isEqualTo(-1);
	}

	@Test
	void aCancelledCountdownDoesNotRunOut() {
		this.countdown.start();
		ticksUntilItRunsOut(20);
		this.countdown.cancel();
		assertThat(ticksUntilItRunsOut(200)).isEqualTo(-1);
	}

	@Test
	void startingAgainStartsFromTheFullTimeout() {
		this.countdown.start();
		ticksUntilItRunsOut(30);
		this.countdown.start();
		assertThat(ticksUntilItRunsOut(200)).isEqualTo(50);
	}

	/** The tick, counted from 1, on which the countdown ran out, or -1. */
	private int ticksUntilItRunsOut(int maxTicks) {
		for (int tick = 1; tick <= maxTicks; tick++) {
			if (this.countdown.runsOut(DT_SECONDS)) {
				return tick;
			}
		}
		return -1;
	}

}
