package io.dronehub.flight;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the transition table of {@link FlightMode}.
 */
class FlightModeTests {

	@Test
	void theNominalFlightIsLegal() {
		assertThat(FlightMode.DISARMED.canSwitchTo(FlightMode.ARMED)).isTrue();
		assertThat(FlightMode.ARMED.canSwitchTo(FlightMode.TAKEOFF)).isTrue();
		assertThat(FlightMode.TAKEOFF.canSwitchTo(FlightMode.HOLD)).isTrue();
		assertThat(FlightMode.HOLD.canSwitchTo(FlightMode.MANUAL)).isTrue();
		assertThat(FlightMode.MANUAL.canSwitchTo(FlightMode.GOTO)).isTrue();
		assertThat(FlightMode.GOTO.canSwitchTo(FlightMode.HOLD)).isTrue();
		assertThat(FlightMode.HOLD.canSwitchTo(FlightMode.RTL)).isTrue();
		assertThat(FlightMode.RTL.canSwitchTo(FlightMode.DISARMED)).isTrue();
		assertThat(FlightMode.LAND.canSwitchTo(FlightMode.DISARMED)).isTrue();
	}

	@Test
	void shortcutsAreIllegal() {
		assertThat(FlightMode.DISARMED.canSwitchTo(FlightMode.TAKEOFF)).isFalse();
		assertThat(FlightMode.ARMED.canSwitchTo(FlightMode.GOTO)).isFalse();
		assertThat(FlightMode.HOLD.canSwitchTo(FlightMode.DISARMED)).isFalse();
		assertThat(FlightMode.HOLD.canSwitchTo(FlightMode.TAKEOFF)).isFalse();
		assertThat(FlightMode.TAKEOFF.canSwitchTo(FlightMode.MANUAL)).isFalse();
	}

	@Test
	void onlyGroundModesAreNotAirborne() {
		for (FlightMode mode : FlightMode.values()) {
			assertThat(mode.airborne()).isEqualTo(mode != FlightMode.DISARMED && mode != FlightMode.ARMED);
		}
	}

}
