package io.dronehub.flight;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CommandRefusals} with the default limits: altitudes from 1 m to the
 * 100 m ceiling, a 300 m radius, and arming refused at 15% charge.
 */
class CommandRefusalsTests {

	private final CommandRefusals refusals = new CommandRefusals("d7", TestFleet.defaultLimits());

	private final BatteryMonitor fullBattery = battery(FlightMode.DISARMED, 0);

	@Test
	void whatTheTableAllowsIsNotRefused() {
		assertThat(this.refusals.switchTo(FlightMode.HOLD, FlightMode.MANUAL, this.fullBattery)).isNull();
		assertThat(this.refusals.arm(FlightMode.DISARMED, this.fullBattery)).isNull();
		assertThat(this.refusals.disarm(FlightMode.ARMED)).isNull();
		assertThat(this.refusals.takeoff(FlightMode.ARMED, this.fullBattery, 10)).isNull();
		assertThat(this.refusals.goTo(FlightMode.HOLD, this.fullBattery, new Vector3(200, -200, 50))).isNull();
	}

	@Test
	void whatTheTableForbidsIsDeniedWithWhatToDoFirst() {
		assertDenied(this.refusals.switchTo(FlightMode.DISARMED, FlightMode.TAKEOFF, this.fullBattery),
				ResultCode.COMMAND_DENIED, "d7 is disarmed: ARM first");
		assertDenied(this.refusals.switchTo(FlightMode.DISARMED, FlightMode.GOTO, this.fullBattery),
				ResultCode.COMMAND_DENIED, "d7 is on the ground and disarmed: ARM and TAKEOFF first");
		assertDenied(this.refusals.switchTo(FlightMode.ARMED, FlightMode.HOLD, this.fullBattery),
				ResultCode.COMMAND_DENIED, "d7 is on the ground: TAKEOFF first");
		assertDenied(this.refusals.switchTo(FlightMode.HOLD, FlightMode.TAKEOFF, this.fullBattery),
				ResultCode.COMMAND_DENIED, "d7 cannot switch from HOLD to TAKEOFF");
	}

	@Test
	void groundModesInTheAirAreDeniedAsNotLanded() {
		assertDenied(this.refusals.switchTo(FlightMode.HOLD, FlightMode.ARMED, this.fullBattery),
				ResultCode.COMMAND_DENIED_NOT_LANDED, "d7 is in the air (HOLD): LAND first");
		assertDenied(this.refusals.disarm(FlightMode.GOTO), ResultCode.COMMAND_DENIED_NOT_LANDED,
				"d7 is in the air (GOTO): LAND first");
	}

	@Test
	void repeatingAGroundCommandIsDenied() {
		assertDenied(this.refusals.arm(FlightMode.ARMED, this.fullBattery), ResultCode.COMMAND_DENIED,
				"d7 is already armed");
		assertDenied(this.refusals.disarm(FlightMode.DISARMED), ResultCode.COMMAND_DENIED, "d7 is already disarmed");
		assertDenied(this.refusals.takeoff(FlightMode.HOLD, this.fullBattery, 10), ResultCode.COMMAND_DENIED,
				"d7 is already in the air (HOLD)");
	}

	@Test
	void aLowBatteryMayNeitherArmNorTakeOff() {
		BatteryMonitor low = battery(FlightMode.HOLD, 90);
		assertThat(low.percent()).isLessThanOrEqualTo(15);
		assertDenied(this.refusals.arm(FlightMode.DISARMED, low), ResultCode.COMMAND_DENIED,
				"battery of d7 is at 10%, below the 15% needed to arm");
		assertDenied(this.refusals.takeoff(FlightMode.ARMED, low, 10), ResultCode.COMMAND_DENIED,
				"battery of d7 is at 10%: too low to take off");
	}

	@Test
	void anEmptyBatteryInTheAirAllowsOnlyLanding() {
		BatteryMonitor empty = battery(FlightMode.HOLD, 96);
		assertThat(empty.empty()).isTrue();
		assertDenied(this.refusals.switchTo(FlightMode.RTL, FlightMode.HOLD, empty), ResultCode.COMMAND_DENIED,
				"battery of d7 is empty: it is landing");
		assertThat(this.refusals.switchTo(FlightMode.RTL, FlightMode.LAND, empty)).isNull();
	}

	@Test
	void altitudesOutsideTheLimitsAreRefused() {
		assertDenied(this.refusals.takeoff(FlightMode.ARMED, this.fullBattery, 0.5), ResultCode.OUT_OF_RANGE,
				"altitude 0.5 m is below the 1.0 m minimum (use LAND to descend to the ground)");
		assertDenied(this.refusals.goTo(FlightMode.HOLD, this.fullBattery, new Vector3(0, 0, 120)), ResultCode.GEOFENCE,
				"altitude 120.0 m is above the geofence ceiling of 100 m");
	}

	@Test
	void targetsOutsideTheGeofenceAreRefused() {
		assertDenied(this.refusals.goTo(FlightMode.HOLD, this.fullBattery, new Vector3(240, 320, 10)),
				ResultCode.GEOFENCE, "target is 400 m from home, outside the 300 m geofence");
	}

	/** A battery that has been in {@code mode} for {@code seconds} with a 100 s hover. */
	private static BatteryMonitor battery(FlightMode mode, double seconds) {
		FlightProperties.BatterySettings settings = new FlightProperties.BatterySettings(Duration.ofSeconds(100), 15, 5,
				Duration.ofSeconds(100));
		BatteryMonitor battery = new BatteryMonitor(new BatteryModel(settings), settings);
		battery.drain(mode, new Motion(Vector3.ZERO, Vector3.ZERO), seconds);
		return battery;
	}

	private static void assertDenied(CommandResult refusal, ResultCode code, String reason) {
		assertThat(refusal).isEqualTo(CommandResult.rejected(code, reason));
	}

}
