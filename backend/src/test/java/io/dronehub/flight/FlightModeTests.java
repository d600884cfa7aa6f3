package io.dronehub.flight;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the transition table of {@link FlightMode}.
 */
class FlightModeTests {

	/**
	 * Every pair of modes: a row is where the drone is, a column where it may switch to.
	 */
	private static final String TRANSITIONS = """
			from/to   DISARMED ARMED TAKEOFF HOLD MANUAL GOTO LAND RTL MISSION
			DISARMED  no       yes   no      no   no     no   no   no  no
			ARMED     yes      no    yes     no   no     no   no   no  yes
			TAKEOFF   no       no    no      yes  yes    yes  yes  yes yes
			HOLD      no       no    no      yes  yes    yes  yes  yes yes
			MANUAL    no       no    no      yes  yes    yes  yes  yes yes
			GOTO      no       no    no      yes  yes    yes  yes  yes yes
			LAND      yes      no    no      yes  yes    yes  no   yes yes
			RTL       yes      no    no      yes  yes    yes  yes  no  yes
			MISSION   no       no    no      yes  yes    yes  yes  yes yes
			""";

	@ParameterizedTest(name = "{0} → {1}: {2}")
	@MethodSource("transitions")
	void everyPairOfModesIsLegalOrIllegalAsTheTableSays(FlightMode from, FlightMode to, boolean legal) {
		assertThat(from.canSwitchTo(to)).isEqualTo(legal);
	}

	@Test
	void theExpectedTableNamesEachPairOnce() {
		List<List<Object>> pairs = transitions().map((arguments) -> List.of(arguments.get()[0], arguments.get()[1]))
			.toList();
		assertThat(pairs).hasSize(FlightMode.values().length * FlightMode.values().length).doesNotHaveDuplicates();
	}

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
		assertThat(FlightMode.TAKEOFF.canSwitchTo(FlightMode.ARMED)).isFalse();
	}

	@Test
	void onlyGroundModesAreNotAirborne() {
		for (FlightMode mode : FlightMode.values()) {
			assertThat(mode.airborne()).isEqualTo(mode != FlightMode.DISARMED && mode != FlightMode.ARMED);
		}
	}

	static Stream<Arguments> transitions() {
		List<String[]> rows = TRANSITIONS.lines().map((line) -> line.trim().split("\\s+")).toList();
		List<FlightMode> columns = Arrays.stream(rows.get(0)).skip(1).map(FlightMode::valueOf).toList();
		return rows.stream()
			.skip(1)
			.flatMap((cells) -> IntStream.range(0, columns.size())
				.mapToObj((i) -> Arguments.of(FlightMode.valueOf(cells[0]), columns.get(i), legal(cells[i + 1]))));
	}

	private static boolean legal(String cell) {
		return switch (cell) {
			case "yes" -> true;
			case "no" -> false;
			default -> throw new IllegalArgumentException("a cell is yes or no, not " + cell);
		};
	}

}
