package io.dronehub.benchmark.export;

import java.util.ArrayList;
import java.util.List;

import io.dronehub.benchmark.export.SyntheticFlight.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SyntheticFlightTests {

	private final SyntheticFlight hour = new SyntheticFlight(36_000, 10, 1_000_000);

	@Test
	void aFlightClimbsCirclesLandsAndEndsDisarmedOneStatePerTick() {
		List<State> states = new ArrayList<>();
		for (int i = 0; i < this.hour.states(); i++) {
			states.add(this.hour.state(i));
		}

		assertThat(states).extracting(State::seq).startsWith(1L, 2L).endsWith(36_000L);
		assertThat(states.get(1).timestamp() - states.get(0).timestamp()).isEqualTo(100);
		assertThat(states.get(35_999).timestamp()).isEqualTo(1_000_000 + 3_599_900);
		assertThat(states.get(0).mode()).isEqualTo("TAKEOFF");
		assertThat(states.get(18_000).mode()).isEqualTo("GOTO");
		assertThat(states.get(35_990).mode()).isEqualTo("LAND");
		assertThat(states.get(35_999).mode()).isEqualTo("DISARMED");
		assertThat(states).filteredOn(State::armed).hasSize(35_999);
		assertThat(states).allSatisfy((state) -> assertThat(state.alt()).isBetween(0.0, SyntheticFlight.ALTITUDE));
		assertThat(states.get(35_999).batteryPercent()).isEqualTo(20);
	}

	@Test
	void theCirclesStayWithinTheirRadiusOfHomeAtTheCruiseSpeed() {
		State circling = this.hour.state(20_000);
		double metersPerDegree = Math.toRadians(1) * 6_371_000;
		double north = (circling.lat() - SyntheticFlight.HOME_LAT) * metersPerDegree;
		double east = (circling.lon() - SyntheticFlight.HOME_LON) * metersPerDegree
				* Math.cos(Math.toRadians(SyntheticFlight.HOME_LAT));

		assertThat(Math.hypot(north, east)).isLessThanOrEqualTo(80.01);
		assertThat(Math.hypot(circling.velocityNorth(), circling.velocityEast())).isCloseTo(5, within(0.01));
		assertThat(circling.groundSpeed()).isEqualTo(5);
		assertThat(this.hour.distanceMeters()).isCloseTo(5 * 3_586.6 + 20, within(1.0));
	}

}
