package io.dronehub.flight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link Autopilot}, stepped by hand at 10 Hz with the default limits unless a
 * test says otherwise. The tests switch modes themselves, as {@link Drone} would.
 */
class AutopilotTests {

	private static final double DT_SECONDS = 0.1;

	private final FlightProperties limits = TestFleet.defaultLimits();

	private final Autopilot autopilot = new Autopilot(this.limits);

	@Test
	void takeoffClimbsAtTheTakeoffRateAndReportsReachingItsAltitudeWithinTheAcceptanceRadius() {
		this.autopilot.climbTo(5);
		ModeEnd end = flyUntilEnd(FlightMode.TAKEOFF, 100);
		assertThat(end).isEqualTo(new ModeEnd.Reached(new Vector3(0, 0, 5)));
		assertThat(this.autopilot.motion().position().up()).isBetween(5 - Guidance.TAKEOFF_ACCEPTANCE_METERS, 5.0);
		assertThat(this.autopilot.motion().velocity().up()).isPositive()
			.isLessThanOrEqualTo(this.limits.takeoffClimbRate());
	}

	@Test
	void afterArrivingTheDroneHoldsAtTheTarget() {
		this.autopilot.climbTo(5);
		flyUntilEnd(FlightMode.TAKEOFF, 100);
		this.autopilot.holdAtTarget();
		assertThat(fly(FlightMode.HOLD, 50)).containsOnlyNulls();
		assertThat(this.autopilot.motion().position().up()).isCloseTo(5, within(0.1));
		assertThat(this.autopilot.hop(Direction.UP, 1, true)).isEqualTo(new Vector3(0, 0, 6));
	}

	@Test
	void gotoTurnsToFaceItsTargetAndReportsArriving() {
		airborneAt(10);
		Vector3 east = new Vector3(0, 30, 10);
		this.autopilot.flyTo(east, true);
		ModeEnd end = flyUntilEnd(FlightMode.GOTO, 300);
		assertThat(end).isEqualTo(new ModeEnd.Reached(east));
		assertThat(this.autopilot.headingDegrees()).isCloseTo(90, within(1.0));
		assertThat(this.autopilot.motion().position().east()).isCloseTo(30, within(0.3));
	}

	@Test
	void aNudgeKeepsTheHeadingAndHopsFromTheTargetOrFromWhereTheDroneIs() {
		airborneAt(10);
		this.autopilot.flyTo(new Vector3(0, 30, 10), false);
		assertThat(this.autopilot.hop(Direction.UP, 5, true)).isEqualTo(new Vector3(0, 30, 15));
		Vector3 here = this.autopilot.motion().position();
		assertThat(this.autopilot.hop(Direction.UP, 5, false)).isEqualTo(here.plus(new Vector3(0, 0, 5)));
		flyUntilEnd(FlightMode.GOTO, 300);
		assertThat(this.autopilot.headingDegrees()).isZero();
	}

	@Test
	void holdWithoutAHoldPointBrakesThenHoldsWhereTheDroneCameToRest() {
		airborneAt(10);
		this.autopilot.follow(new MoveSetpoint(5, 0, 0, 0));
		fly(FlightMode.MANUAL, 9);
		this.autopilot.brake();
		fly(FlightMode.HOLD, 50);
		Vector3 rest = this.autopilot.motion().position();
		assertThat(this.autopilot.motion().groundSpeed()).isLessThan(0.1);
		fly(FlightMode.HOLD, 100);
		assertThat(this.autopilot.motion().position().north()).isCloseTo(rest.north(), within(0.1));
	}

	@Test
	void aMoveSetpointLapsesAfterTheTimeoutAndThatTickNoLongerYaws() {
		airborneAt(10);
		this.autopilot.follow(new MoveSetpoint(0, 0, 0, 30));
		assertThat(fly(FlightMode.MANUAL, 10)).containsOnlyNulls();
		double heading = this.autopilot.headingDegrees();
		assertThat(heading).isCloseTo(30, within(1e-9));
		assertThat(this.autopilot.fly(FlightMode.MANUAL, DT_SECONDS)).isEqualTo(new ModeEnd.MoveLapsed(1));
		assertThat(this.autopilot.headingDegrees()).isEqualTo(heading);
	}

	@Test
	void aMoveSetpointIsFlownWithinTheLimits() {
		airborneAt(10);
		this.autopilot.follow(new MoveSetpoint(100, 0, 0, 0));
		for (int i = 0; i < 8; i++) {
			fly(FlightMode.MANUAL, 5);
			this.autopilot.follow(new MoveSetpoint(100, 0, 0, 0));
		}
		assertThat(this.autopilot.motion().groundSpeed()).isCloseTo(this.limits.maxHorizontalSpeed(), within(1e-9));
	}

	@Test
	void pushingAgainstTheFenceUnderMoveStopsThere() {
		Autopilot nearFence = new Autopilot(limits(Map.of("hub.flight.geofence.radius", "20")));
		nearFence.climbTo(10);
		while (nearFence.fly(FlightMode.TAKEOFF, DT_SECONDS) == null) {
			// climbing
		}
		nearFence.holdAtTarget();
		ModeEnd end = null;
		for (int tick = 0; tick < 200 && end == null; tick++) {
			if (tick % 5 == 0) {
				nearFence.follow(new MoveSetpoint(5, 0, 0, 0));
			}
			end = nearFence.fly(FlightMode.MANUAL, DT_SECONDS);
		}
		assertThat(end).isInstanceOf(ModeEnd.AtFence.class);
		Vector3 stoppedAt = ((ModeEnd.AtFence) end).position();
		assertThat(stoppedAt.horizontalLength()).isBetween(20 - 0.5 - 1.0, 20.0);
		assertThat(nearFence.motion().position().horizontalLength()).isLessThanOrEqualTo(20);
	}

	@Test
	void aDroneThatGetsPastTheCeilingIsPutBackAndReportsIt() {
		Autopilot lowCeiling = new Autopilot(limits(Map.of("hub.flight.geofence.max-altitude", "12")));
		lowCeiling.returnHome();
		ModeEnd end = null;
		for (int tick = 0; tick < 200 && end == null; tick++) {
			end = lowCeiling.fly(FlightMode.RTL, DT_SECONDS);
		}
		assertThat(end).isEqualTo(new ModeEnd.AtFence(lowCeiling.motion().position()));
		assertThat(lowCeiling.motion().position().up()).isEqualTo(12);
		assertThat(lowCeiling.motion().velocity().up()).isZero();
	}

	@Test
	void inHoldTheFenceStillHoldsTheDroneButEndsNothing() {
		Autopilot lowCeiling = new Autopilot(limits(Map.of("hub.flight.geofence.max-altitude", "12")));
		lowCeiling.returnHome();
		while (lowCeiling.fly(FlightMode.RTL, DT_SECONDS) == null) {
			// climbing into the ceiling
		}
		lowCeiling.flyTo(new Vector3(0, 0, 20), false);
		for (int tick = 0; tick < 50; tick++) {
			assertThat(lowCeiling.fly(FlightMode.HOLD, DT_SECONDS)).isNull();
			assertThat(lowCeiling.motion().position().up()).isLessThanOrEqualTo(12);
		}
	}

	@Test
	void landingDescendsWhereTheDroneIsAndReportsTouchdown() {
		airborneAt(15);
		this.autopilot.descendHere();
		ModeEnd end = flyUntilEnd(FlightMode.LAND, 600);
		assertThat(end).isEqualTo(new ModeEnd.TouchedDown());
		assertThat(this.autopilot.motion().position().up()).isZero();
		assertThat(this.autopilot.motion().velocity().up()).isGreaterThanOrEqualTo(0);
	}

	@Test
	void aReturnClimbsFliesHomeFacingItAndTouchesDownThere() {
		airborneAt(5);
		this.autopilot.flyTo(new Vector3(60, -40, 5), false);
		flyUntilEnd(FlightMode.GOTO, 600);
		this.autopilot.holdAtTarget();
		this.autopilot.returnHome();
		double highest = 0;
		ModeEnd end = null;
		for (int tick = 0; tick < 1200 && end == null; tick++) {
			end = this.autopilot.fly(FlightMode.RTL, DT_SECONDS);
			highest = Math.max(highest, this.autopilot.motion().position().up());
		}
		assertThat(end).isEqualTo(new ModeEnd.TouchedDown());
		assertThat(highest).isCloseTo(this.limits.returnAltitude(), within(0.3));
		assertThat(this.autopilot.motion().position().horizontalLength()).isLessThan(1);
		double bearingOfHome = Math.toDegrees(Math.atan2(40, -60));
		assertThat(this.autopilot.headingDegrees()).isCloseTo(bearingOfHome, within(1.0));
	}

	@Test
	void standingStillStopsTheDrone() {
		this.autopilot.climbTo(5);
		fly(FlightMode.TAKEOFF, 5);
		this.autopilot.standStill();
		assertThat(this.autopilot.motion().velocity()).isEqualTo(Vector3.ZERO);
	}

	private void airborneAt(double altitudeMeters) {
		this.autopilot.climbTo(altitudeMeters);
		flyUntilEnd(FlightMode.TAKEOFF, 600);
		this.autopilot.holdAtTarget();
	}

	private ModeEnd flyUntilEnd(FlightMode mode, int maxTicks) {
		for (int tick = 0; tick < maxTicks; tick++) {
			ModeEnd end = this.autopilot.fly(mode, DT_SECONDS);
			if (end != null) {
				return end;
			}
		}
		throw new AssertionError(mode + " did not end within " + maxTicks + " ticks");
	}

	private List<@Nullable ModeEnd> fly(FlightMode mode, int ticks) {
		List<@Nullable ModeEnd> ends = new ArrayList<>();
		for (int tick = 0; tick < ticks; tick++) {
			ends.add(this.autopilot.fly(mode, DT_SECONDS));
		}
		return ends;
	}

	private static FlightProperties limits(Map<String, String> properties) {
		return TestFleet.with(properties).limits;
	}

}
