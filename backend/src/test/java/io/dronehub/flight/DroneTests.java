package io.dronehub.flight;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link Drone}: the flight-mode state machine, kinematics, battery, geofence
 * and failsafes, stepped at 10 Hz on a fixed clock.
 */
class DroneTests {

	private final TestFleet sim = TestFleet.withDefaults();

	@Test
	void takeoffIsRejectedWhileDisarmedAndNothingChanges() {
		CommandResult result = this.sim.d1().takeoff(10);
		assertThat(result.accepted()).isFalse();
		assertThat(result.code()).isEqualTo(ResultCode.COMMAND_DENIED);
		assertThat(result.reason()).contains("ARM first");
		assertThat(this.sim.tick(5)).allSatisfy((state) -> {
			assertThat(state.mode()).isEqualTo(FlightMode.DISARMED);
			assertThat(state.position().alt()).isZero();
		});
	}

	@Test
	void takeoffClimbsWithinTheTakeoffRateAndHoldsAtTheAltitude() {
		this.sim.d1().arm();
		assertThat(this.sim.d1().takeoff(10).accepted()).isTrue();
		List<DroneState> climb = this.sim.tickUntil(FlightMode.HOLD, 30);
		assertThat(climb).allSatisfy((state) -> assertThat(state.velocity().up())
			.isLessThanOrEqualTo(this.sim.limits.takeoffClimbRate() + 1e-9));
		assertThat(this.sim.state().position().alt()).as("complete within PX4's NAV_MC_ALT_RAD, 0.8 m")
			.isBetween(10 - Guidance.TAKEOFF_ACCEPTANCE_METERS, 10.0);
		assertThat(this.sim.state().armed()).isTrue();
		List<DroneState> hovering = this.sim.tick(50);
		assertThat(hovering).allSatisfy((state) -> {
			assertThat(state.mode()).isEqualTo(FlightMode.HOLD);
			assertThat(state.position().alt()).as("settling on the altitude, not overshooting it")
				.isBetween(9.2, 10.15);
		});
		assertThat(hovering.subList(40, 50))
			.allSatisfy((state) -> assertThat(state.position().alt()).isCloseTo(10, within(0.15)));
	}

	@Test
	void aTakeoffCanBeRedirectedToEveryAirborneModeAtAnyTime() {
		for (FlightMode next : List.of(FlightMode.HOLD, FlightMode.MANUAL, FlightMode.GOTO, FlightMode.LAND,
				FlightMode.RTL, FlightMode.MISSION)) {
			TestFleet fleet = TestFleet.withDefaults();
			Drone drone = fleet.d1();
			drone.arm();
			drone.takeoff(15);
			fleet.tick(10);
			assertThat(fleet.state().mode()).isEqualTo(FlightMode.TAKEOFF);
			GeoPoint home = fleet.state().home();
			CommandResult result = switch (next) {
				case HOLD -> drone.hold();
				case MANUAL -> drone.move(1, 0, 0, 0);
				case GOTO -> drone.goTo(home.lat() + 0.0002, home.lon(), 12);
				case LAND -> drone.land();
				case MISSION -> {
					drone.uploadMission("m", List.of(new MissionItem(home.lat() + 0.0002, home.lon(), 12)),
							MissionFinish.HOLD);
					yield drone.startMission();
				}
				default -> drone.returnToLaunch();
			};
			assertThat(result.accepted()).as("TAKEOFF → %s: %s", next, result.reason()).isTrue();
			assertThat(fleet.tick(1).get(0).mode()).isEqualTo(next);
		}
	}

	@Test
	void aNudgeDuringTakeoffHopsFromTheTakeoffAltitude() {
		this.sim.d1().arm();
		this.sim.d1().takeoff(10);
		this.sim.tick(5);

		assertThat(this.sim.d1().nudge(Direction.UP, 5).accepted()).isTrue();

		this.sim.tickUntil(FlightMode.HOLD, 200);
		this.sim.tick(50);
		assertThat(this.sim.state().position().alt()).isCloseTo(15, within(0.15));
	}

	@Test
	void takeoffAboveTheGeofenceCeilingIsRejected() {
		this.sim.d1().arm();
		CommandResult result = this.sim.d1().takeoff(150);
		assertThat(result.code()).isEqualTo(ResultCode.GEOFENCE);
		assertThat(result.reason()).contains("altitude 150.0 m").contains("ceiling of 100 m");
		assertThat(this.sim.d1().mode()).isEqualTo(FlightMode.ARMED);
	}

	@Test
	void disarmIsRejectedInFlight() {
		this.sim.airborneAt(10);
		CommandResult result = this.sim.d1().disarm();
		assertThat(result.code()).isEqualTo(ResultCode.COMMAND_DENIED_NOT_LANDED);
		assertThat(this.sim.d1().mode()).isEqualTo(FlightMode.HOLD);
	}

	@Test
	void armIsRejectedTwiceAndGotoIsRejectedOnTheGround() {
		assertThat(this.sim.d1().arm().accepted()).isTrue();
		assertThat(this.sim.d1().arm().reason()).contains("already armed");
		DroneState home = this.sim.state();
		CommandResult result = this.sim.d1().goTo(home.home().lat(), home.home().lon(), 10);
		assertThat(result.code()).isEqualTo(ResultCode.COMMAND_DENIED);
		assertThat(result.reason()).contains("TAKEOFF first");
	}

	@Test
	void gotoFliesWithinSpeedAndAccelerationLimitsThenHolds() {
		this.sim.airborneAt(10);
		GeoPoint home = this.sim.state().home();
		LocalFrame frame = new LocalFrame(home);
		assertThat(this.sim.d1().goTo(frame.latitudeOf(100), home.lon(), 20).accepted()).isTrue();
		List<DroneState> flight = this.sim.tickUntil(FlightMode.HOLD, 60);
		double maxSpeedChange = this.sim.limits.horizontalAcceleration() * 0.1 + 1e-6;
		for (int i = 1; i < flight.size(); i++) {
			Velocity before = flight.get(i - 1).velocity();
			Velocity after = flight.get(i).velocity();
			assertThat(Math.hypot(after.north() - before.north(), after.east() - before.east()))
				.isLessThanOrEqualTo(maxSpeedChange + 0.02);
			assertThat(flight.get(i).groundSpeed()).isLessThanOrEqualTo(this.sim.limits.cruiseSpeed() + 0.01);
		}
		assertThat(flight).anySatisfy((state) -> assertThat(state.groundSpeed()).isGreaterThan(4.9));
		assertThat(frame.northOf(this.sim.state().position().lat())).isCloseTo(100, within(0.3));
		assertThat(this.sim.state().position().alt()).isCloseTo(20, within(0.1));
		assertThat(this.sim.state().heading()).isCloseTo(0, within(1.0));
	}

	@Test
	void gotoOutsideTheGeofenceIsRejectedAndTheDroneKeepsHolding() {
		this.sim.airborneAt(10);
		GeoPoint home = this.sim.state().home();
		CommandResult result = this.sim.d1().goTo(new LocalFrame(home).latitudeOf(350), home.lon(), 10);
		assertThat(result.code()).isEqualTo(ResultCode.GEOFENCE);
		assertThat(result.reason()).contains("350 m from home").contains("300 m geofence");
		assertThat(this.sim.d1().mode()).isEqualTo(FlightMode.HOLD);
	}

	@Test
	void nudgesAddUpAndFollowTheDronesFrame() {
		this.sim.airborneAt(10);
		assertThat(this.sim.d1().nudge(Direction.UP, 10).accepted()).isTrue();
		assertThat(this.sim.d1().nudge(Direction.UP, 10).accepted()).isTrue();
		this.sim.tickUntil(FlightMode.HOLD, 60);
		assertThat(this.sim.state().position().alt()).isCloseTo(30, within(0.1));
		// heading is north, so RIGHT is east
		assertThat(this.sim.d1().nudge(Direction.RIGHT, 10).accepted()).isTrue();
		this.sim.tickUntil(FlightMode.HOLD, 60);
		LocalFrame frame = new LocalFrame(this.sim.state().home());
		assertThat(frame.eastOf(this.sim.state().position().lon())).isCloseTo(10, within(0.3));
		assertThat(frame.northOf(this.sim.state().position().lat())).isCloseTo(0, within(0.3));
	}

	@Test
	void nudgeBelowTheMinimumAltitudeIsRejected() {
		this.sim.airborneAt(5);
		CommandResult result = this.sim.d1().nudge(Direction.DOWN, 10);
		assertThat(result.code()).isEqualTo(ResultCode.OUT_OF_RANGE);
		assertThat(result.reason()).contains("use LAND");
	}

	@Test
	void moveIsClampedToTheSpeedLimit() {
		this.sim.airborneAt(10);
		assertThat(this.sim.d1().move(100, 0, 50, 1000).accepted()).isTrue();
		List<DroneState> states = this.sim.tick(8);
		for (int i = 0; i < 5; i++) {
			this.sim.d1().move(100, 0, 50, 1000);
			states.addAll(this.sim.tick(8));
		}
		assertThat(states).allSatisfy((state) -> {
			assertThat(state.mode()).isEqualTo(FlightMode.MANUAL);
			assertThat(state.groundSpeed()).isLessThanOrEqualTo(this.sim.limits.maxHorizontalSpeed() + 1e-6);
			assertThat(state.velocity().up()).isLessThanOrEqualTo(this.sim.limits.maxClimbRate() + 1e-6);
		});
		double yawPerTick = this.sim.limits.maxYawRate() * 0.1;
		for (int i = 1; i < states.size(); i++) {
			double turn = Math.abs(states.get(i).heading() - states.get(i - 1).heading()) % 360;
			assertThat(Math.min(turn, 360 - turn)).isLessThanOrEqualTo(yawPerTick + 0.11);
		}
	}

	@Test
	void moveLapsesIntoHoldAfterOneSecondWithoutANewSetpoint() {
		this.sim.airborneAt(10);
		this.sim.d1().move(3, 0, 0, 0);
		List<DroneState> states = this.sim.tick(10);
		assertThat(states).allSatisfy((state) -> assertThat(state.mode()).isEqualTo(FlightMode.MANUAL));
		assertThat(this.sim.tick(1).get(0).mode()).isEqualTo(FlightMode.HOLD);
		this.sim.tick(50);
		assertThat(this.sim.state().groundSpeed()).isLessThan(0.1);
		assertThat(this.sim.events()).anySatisfy((event) -> assertThat(event.detail()).contains("no MOVE set-point"));
	}

	@Test
	void manualFlightStopsAtTheGeofenceAndHolds() {
		this.sim.airborneAt(10);
		boolean stopped = false;
		for (int second = 0; second < 120 && !stopped; second++) {
			this.sim.d1().move(12, 0, 0, 0);
			for (DroneState state : this.sim.tick(5)) {
				assertThat(this.sim.distanceFromHome()).isLessThanOrEqualTo(this.sim.limits.geofence().radius());
				stopped |= state.failsafe() == Failsafe.GEOFENCE;
			}
		}
		assertThat(stopped).isTrue();
		assertThat(this.sim.d1().mode()).isEqualTo(FlightMode.HOLD);
		assertThat(this.sim.distanceFromHome()).isGreaterThan(this.sim.limits.geofence().radius() - 5);
		assertThat(this.sim.events()).anySatisfy((event) -> assertThat(event.type()).isEqualTo(EventType.FAILSAFE));
		assertThat(this.sim.d1().hold().accepted()).isTrue();
		assertThat(this.sim.tick(1).get(0).failsafe()).isNull();
	}

	@Test
	void landDescendsAndDisarmsOnTouchdown() {
		this.sim.airborneAt(15);
		assertThat(this.sim.d1().land().accepted()).isTrue();
		List<DroneState> descent = this.sim.tickUntil(FlightMode.DISARMED, 60);
		assertThat(descent).allSatisfy((state) -> assertThat(-state.velocity().up())
			.isLessThanOrEqualTo(this.sim.limits.maxDescentRate() + 1e-9));
		assertThat(descent.get(descent.size() - 2).velocity().up()).isCloseTo(-this.sim.limits.landingDescentRate(),
				within(0.05));
		assertThat(this.sim.state().position().alt()).isZero();
		assertThat(this.sim.state().armed()).isFalse();
	}

	@Test
	void returnToLaunchClimbsFliesHomeAndLands() {
		this.sim.airborneAt(5);
		GeoPoint home = this.sim.state().home();
		LocalFrame frame = new LocalFrame(home);
		this.sim.d1().goTo(frame.latitudeOf(60), frame.longitudeOf(40), 5);
		this.sim.tickUntil(FlightMode.HOLD, 60);
		assertThat(this.sim.d1().returnToLaunch().accepted()).isTrue();
		List<DroneState> flight = this.sim.tickUntil(FlightMode.DISARMED, 120);
		double maxAltitude = flight.stream().mapToDouble((state) -> state.position().alt()).max().orElseThrow();
		assertThat(maxAltitude).isCloseTo(this.sim.limits.returnAltitude(), within(0.3));
		assertThat(this.sim.distanceFromHome()).isLessThan(1.0);
		assertThat(this.sim.state().position().alt()).isZero();
	}

	@Test
	void seqIncreasesByOnePerTick() {
		long first = this.sim.state().seq();
		List<DroneState> states = this.sim.tick(20);
		for (int i = 0; i < states.size(); i++) {
			assertThat(states.get(i).seq()).isEqualTo(first + i + 1);
		}
	}

	@Test
	void batteryDrainsFasterWhenClimbingThanHovering() {
		this.sim.airborneAt(10);
		double start = this.sim.state().battery().percent();
		this.sim.tick(100);
		double hoverDrain = start - this.sim.state().battery().percent();
		this.sim.d1().nudge(Direction.UP, 80);
		this.sim.tick(20);
		double climbStart = this.sim.state().battery().percent();
		this.sim.tick(100);
		double climbDrain = climbStart - this.sim.state().battery().percent();
		assertThat(hoverDrain).isGreaterThan(0);
		assertThat(climbDrain).isGreaterThan(hoverDrain * 1.3);
		assertThat(this.sim.state().battery().voltage()).isBetween(14.0, 16.8);
	}

	@Test
	void lowBatteryForcesReturnToLaunchAndEmptyBatteryLandsWhereItIs() {
		TestFleet shortBattery = TestFleet.with(Map.of("hub.flight.battery.hover-endurance", "100s"));
		shortBattery.airborneAt(30);
		shortBattery.d1().nudge(Direction.FORWARD, 200);
		List<DroneState> toLow = shortBattery.tickUntil(FlightMode.RTL, 120);
		DroneState low = toLow.get(toLow.size() - 1);
		assertThat(low.failsafe()).isEqualTo(Failsafe.LOW_BATTERY);
		assertThat(low.battery().percent()).isLessThanOrEqualTo(15);
		shortBattery.tickUntil(FlightMode.LAND, 60);
		assertThat(shortBattery.state().battery().percent()).isLessThanOrEqualTo(5);
		assertThat(shortBattery.distanceFromHome()).isGreaterThan(10);
		CommandResult refused = shortBattery.d1().hold();
		assertThat(refused.reason()).contains("battery of d1 is empty");
		shortBattery.tickUntil(FlightMode.DISARMED, 120);
		assertThat(shortBattery.d1().arm().reason()).contains("needed to arm");
	}

	@Test
	void pilotLinkLossHoldsAtOnceThenReturnsAfterTheTimeout() {
		this.sim.airborneAt(10);
		this.sim.d1().move(5, 0, 0, 0);
		this.sim.tick(3);
		this.sim.d1().pilotLinkLost();
		DroneState holding = this.sim.tick(1).get(0);
		assertThat(holding.mode()).isEqualTo(FlightMode.HOLD);
		assertThat(holding.failsafe()).isEqualTo(Failsafe.LINK_LOST);
		assertThat(holding.pilot()).isNull();
		assertThat(this.sim.tick(48)).allSatisfy((state) -> assertThat(state.mode()).isEqualTo(FlightMode.HOLD));
		assertThat(this.sim.tick(2).get(1).mode()).isEqualTo(FlightMode.RTL);
		assertThat(this.sim.state().failsafe()).isEqualTo(Failsafe.LINK_LOST);
	}

	@Test
	void aPilotTakingControlCancelsTheLinkLossReturn() {
		this.sim.airborneAt(10);
		this.sim.d1().pilotLinkLost();
		this.sim.tick(20);
		this.sim.d1().assignPilot("bob");
		List<DroneState> states = this.sim.tick(100);
		assertThat(states).allSatisfy((state) -> {
			assertThat(state.mode()).isEqualTo(FlightMode.HOLD);
			assertThat(state.failsafe()).isNull();
			assertThat(state.pilot()).isEqualTo("bob");
		});
	}

	@Test
	void linkLossOnTheGroundDisarms() {
		this.sim.d1().arm();
		this.sim.d1().pilotLinkLost();
		assertThat(this.sim.d1().mode()).isEqualTo(FlightMode.DISARMED);
	}

	@Test
	void modeChangesAreRecordedAsEvents() {
		this.sim.d1().assignPilot("alice");
		this.sim.d1().arm();
		this.sim.d1().takeoff(5);
		List<FleetEvent> events = this.sim.events();
		assertThat(events).extracting(FleetEvent::type).containsOnly(EventType.MODE_CHANGED);
		assertThat(events).extracting(FleetEvent::detail)
			.containsExactly("DISARMED → ARMED: armed", "ARMED → TAKEOFF: climbing to 5.0 m");
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.pilot()).isEqualTo("alice");
			assertThat(event.droneId()).isEqualTo("d1");
			assertThat(event.timestamp()).isEqualTo(TestFleet.CLOCK.millis());
		});
	}

	@Test
	void otherDronesAreUnaffected() {
		this.sim.airborneAt(10);
		DroneState d2 = this.sim.fleet.states().get(1);
		assertThat(d2.mode()).isEqualTo(FlightMode.DISARMED);
		assertThat(d2.position().alt()).isZero();
		assertThat(d2.home().lon()).isGreaterThan(this.sim.state().home().lon());
	}

}
