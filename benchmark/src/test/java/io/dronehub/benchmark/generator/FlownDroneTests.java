package io.dronehub.benchmark.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dronehub.benchmark.generator.FlownDrone.Home;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FlownDroneTests {

	private static final Home HOME = new Home(-22.9519, -43.2105);

	private static final Pattern TARGET = Pattern.compile("\"lat\":(-?[0-9.]+),\"lon\":(-?[0-9.]+)");

	private final FlownDrone drone = new FlownDrone("d3");

	@Test
	void theDroneIsArmedTakenOffAndFlownRoundASquareOneCornerPerHold() {
		assertThat(this.drone.acquire()).isEqualTo("{\"droneId\":\"d3\",\"action\":\"ACQUIRE\"}");
		assertThat(this.drone.replied(true, null)).isEqualTo("{\"droneId\":\"d3\",\"type\":\"ARM\"}");
		assertThat(this.drone.replied(true, null))
			.isEqualTo("{\"droneId\":\"d3\",\"type\":\"TAKEOFF\",\"altitude\":10}");
		assertThat(this.drone.settled()).isFalse();
		assertThat(this.drone.replied(true, null)).isNull();
		assertThat(this.drone.settled()).as("airborne once the take-off is accepted").isTrue();

		assertThat(this.drone.state("TAKEOFF", true, null, HOME, 0)).as("climbing").isNull();
		List<double[]> corners = new ArrayList<>();
		long now = 0;
		for (int leg = 0; leg < 5; leg++) {
			String goTo = this.drone.state("HOLD", true, null, HOME, now += 1_000);
			assertThat(goTo).startsWith("{\"droneId\":\"d3\",\"type\":\"GOTO\"").endsWith(",\"altitude\":10}");
			assertThat(this.drone.state("HOLD", true, null, HOME, now += 1_000)).as("not again before it is answered")
				.isNull();
			assertThat(this.drone.state("GOTO", true, null, HOME, now += 1_000)).isNull();
			corners.add(target(goTo));
		}

		double half = FlownDrone.SQUARE_SIDE / 2;
		assertThat(corners.get(0)[0]).isCloseTo(half, within(0.05));
		assertThat(corners.get(0)[1]).isCloseTo(half, within(0.05));
		assertThat(corners.get(1)[1]).isCloseTo(-half, within(0.05));
		assertThat(corners.get(2)[0]).isCloseTo(-half, within(0.05));
		assertThat(corners.get(4)).as("round again").containsExactly(corners.get(0));
		assertThat(this.drone.legs()).isEqualTo(5);
		assertThat(this.drone.armed()).isTrue();
		assertThat(this.drone.failure()).isNull();
	}

	@Test
	void aGotoLeftUnansweredOrRefusedIsSentAgainAtTheNextHold() {
		fly();
		assertThat(this.drone.state("HOLD", true, null, HOME, 0)).isNotNull();
		assertThat(this.drone.state("HOLD", true, null, HOME, FlownDrone.GOTO_ANSWER_NANOS)).isNull();
		assertThat(this.drone.state("HOLD", true, null, HOME, FlownDrone.GOTO_ANSWER_NANOS + 1)).isNotNull();

		assertThat(this.drone.replied(false, "busy")).isNull();
		assertThat(this.drone.state("HOLD", true, null, HOME, FlownDrone.GOTO_ANSWER_NANOS + 2)).isNotNull();
		assertThat(this.drone.failure()).as("a refused GOTO is not a failure").isNull();
	}

	@Test
	void aRejectionOnTheGroundEndsTheDronesPart() {
		this.drone.replied(true, null);

		assertThat(this.drone.replied(false, "battery too low")).isNull();

		assertThat(this.drone.settled()).isTrue();
		assertThat(this.drone.state("ARMED", true, null, HOME, 0)).isNull();
		assertThat(this.drone.failure()).isEqualTo("d3 ARM rejected: battery too low (last mode ARMED)");
	}

	@Test
	void aFailsafeThatTakesTheDroneOffItsCircuitIsCountedAndNotFought() {
		fly();
		this.drone.state("HOLD", true, null, HOME, 0);

		assertThat(this.drone.state("RTL", true, "LOW_BATTERY", HOME, 1)).isNull();
		assertThat(this.drone.state("HOLD", true, null, HOME, 2)).isNull();

		assertThat(this.drone.interrupted()).isTrue();
		assertThat(this.drone.failure()).isEqualTo("d3 left the circuit in RTL (LOW_BATTERY) (last mode HOLD)");
	}

	private void fly() {
		this.drone.replied(true, null);
		this.drone.replied(true, null);
		this.drone.replied(true, null);
	}

	/** A GOTO's target, in metres north and east of home. */
	private static double[] target(String goTo) {
		Matcher target = TARGET.matcher(goTo);
		assertThat(target.find()).isTrue();
		double metersPerDegree = Math.toRadians(1) * 6_371_000;
		double north = (Double.parseDouble(target.group(1)) - HOME.lat()) * metersPerDegree;
		double east = (Double.parseDouble(target.group(2)) - HOME.lon()) * metersPerDegree
				* Math.cos(Math.toRadians(HOME.lat()));
		return new double[] { north, east };
	}

}
