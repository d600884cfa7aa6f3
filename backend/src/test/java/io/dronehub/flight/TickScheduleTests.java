package io.dronehub.flight;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link TickSchedule}: runs are judged against when they were due, as a
 * fixed-rate executor calls them.
 */
class TickScheduleTests {

	private static final long PERIOD = 100;

	@Test
	void runsThatStartWithinAPeriodOfTheirDueTimeTick() {
		TickSchedule schedule = new TickSchedule(100, PERIOD);
		assertThat(schedule.onTime(100)).isTrue();
		assertThat(schedule.onTime(205)).isTrue();
		assertThat(schedule.onTime(399)).as("due at 300, 99 late").isTrue();
		assertThat(schedule.onTime(400)).isTrue();
	}

	@Test
	void runsMissedWhileTheThreadWasHeldUpAreSkippedAndTheRateResumes() {
		TickSchedule schedule = new TickSchedule(100, PERIOD);
		assertThat(schedule.onTime(100)).isTrue();
		// held up from 150 to 650: the executor then calls the runs due at 200..600 back
		// to back
		assertThat(schedule.onTime(650)).as("due at 200").isFalse();
		assertThat(schedule.onTime(650)).as("due at 300").isFalse();
		assertThat(schedule.onTime(651)).as("due at 400").isFalse();
		assertThat(schedule.onTime(651)).as("due at 500").isFalse();
		assertThat(schedule.onTime(652)).as("due at 600, 52 late").isTrue();
		assertThat(schedule.onTime(700)).as("due at 700").isTrue();
		assertThat(schedule.onTime(800)).isTrue();
	}

	@Test
	void aTickThatRunsLongDelaysTheNextOneWithoutSkippingIt() {
		TickSchedule schedule = new TickSchedule(100, PERIOD);
		assertThat(schedule.onTime(100)).isTrue();
		// that tick took 150: the run due at 200 starts at 250
		assertThat(schedule.onTime(250)).isTrue();
		assertThat(schedule.onTime(300)).isTrue();
	}

}
