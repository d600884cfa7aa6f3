package io.dronehub.flight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of missions on one {@link Drone}: checked as a whole on upload, flown waypoint by
 * waypoint with their speeds and hovers, finished as asked, and interrupted by PAUSE, by
 * the pilot and by failsafes exactly as a GOTO is, then resumed from the waypoint they
 * were at. The simulation is stepped by hand.
 */
class MissionTests {

	private final TestFleet sim = TestFleet.withDefaults();

	private final Drone drone = this.sim.d1();

	@Test
	void aMissionIsCheckedAsAWholeAndTheFirstItemRefusedIsNamed() {
		List<MissionItem> items = new ArrayList<>(
				List.of(at(10, 0, 10), at(0, 400, 10), new MissionItem(null, 0.0, 10.0, null, null)));

		CommandResult outside = this.drone.uploadMission("m1", items, MissionFinish.HOLD);
		assertThat(outside.code()).isEqualTo(ResultCode.GEOFENCE);
		assertThat(outside.item()).isEqualTo(1);
		assertThat(outside.reason()).isEqualTo("items[1]: the waypoint is 400 m from home, outside the 300 m geofence");

		items.set(1, at(0, 40, 10));
		CommandResult missing = this.drone.uploadMission("m1", items, MissionFinish.HOLD);
		assertThat(missing.code()).isEqualTo(ResultCode.INVALID_ARGUMENT);
		assertThat(missing.item()).isEqualTo(2);
		assertThat(missing.reason()).isEqualTo("items[2]: lat is required");

		assertThat(refusal(new MissionItem(Double.NaN, 0.0, 10.0, null, null)))
			.isEqualTo("items[0]: lat must be a finite number");
		assertThat(refusal(new MissionItem(91.0, 0.0, 10.0, null, null))).startsWith("items[0]: lat must be between");
		assertThat(refusal(at(0, 10, 150)))
			.isEqualTo("items[0]: altitude 150.0 m is above the geofence ceiling of 100 m");
		assertThat(refusal(at(0, 10, 0.5))).startsWith("items[0]: altitude 0.5 m is below the 1.0 m minimum");
		assertThat(refusal(withSpeed(at(0, 10, 10), 13)))
			.isEqualTo("items[0]: speed must be between 0.5 and 12.0, was 13.0");
		assertThat(refusal(withHold(at(0, 10, 10), -1)))
			.isEqualTo("items[0]: holdS must be between 0.0 and 3600.0, was -1.0");
		assertThat(refusal(null)).isEqualTo("items[0]: a waypoint is required");
		assertThat(this.sim.state().mission()).as("nothing was kept").isNull();
		assertThat(this.sim.events()).isEmpty();
	}

	@Test
	void startFromTheGroundArmsClimbsAndFliesEveryWaypointInOrderThenHolds() {
		this.drone.assignPilot("alice");
		assertThat(this.drone.uploadMission("square", square(), MissionFinish.HOLD).accepted()).isTrue();
		assertThat(this.sim.tick(1).get(0).mission()).isEqualTo(new MissionStatus("square", 0, 4, MissionState.READY));

		assertThat(this.drone.startMission().accepted()).isTrue();
		DroneState climbing = this.sim.tick(1).get(0);
		assertThat(climbing.mode()).isEqualTo(FlightMode.MISSION);
		assertThat(climbing.armed()).isTrue();
		assertThat(climbing.mission()).isEqualTo(new MissionStatus("square", 0, 4, MissionState.ACTIVE));
		assertThat(climbing.velocity().up()).isPositive();
		assertThat(Math.abs(climbing.velocity().north()) + Math.abs(climbing.velocity().east())).as("straight up")
			.isLessThan(0.01);

		List<DroneState> flown = this.sim.tickUntil(FlightMode.HOLD, 120);
		List<Integer> currents = flown.stream()
			.map(DroneState::mission)
			.map((mission) -> mission.current())
			.distinct()
			.toList();
		assertThat(currents).containsExactly(0, 1, 2, 3, 4);
		DroneState done = flown.get(flown.size() - 1);
		assertThat(done.mission()).isEqualTo(new MissionStatus("square", 4, 4, MissionState.FINISHED));
		assertThat(distanceTo(done, 0, 0)).as("holds at the last waypoint").isLessThan(2);
		List<String> events = this.sim.events().stream().map((e) -> e.type() + " " + e.detail()).toList();
		assertThat(events).filteredOn((line) -> line.startsWith("MISSION"))
			.containsExactly("MISSION_UPLOADED mission square: 4 waypoints, then HOLD",
					"MISSION_STARTED mission square started at item 1 of 4",
					"MISSION_ITEM_REACHED mission square: reached item 1 of 4",
					"MISSION_ITEM_REACHED mission square: reached item 2 of 4",
					"MISSION_ITEM_REACHED mission square: reached item 3 of 4",
					"MISSION_ITEM_REACHED mission square: reached item 4 of 4",
					"MISSION_FINISHED mission square finished: holding at the last waypoint");
		assertThat(events).contains("MODE_CHANGED DISARMED → ARMED: armed",
				"MODE_CHANGED ARMED → MISSION: mission square: climbing to 20.0 m",
				"MODE_CHANGED MISSION → HOLD: mission square finished");
	}

	@Test
	void eachLegIsFlownAtItsOwnSpeedAndAWaypointWithAHoverIsHeldThatLong() {
		this.sim.airborneAt(20);
		this.drone.uploadMission("slow", List.of(withSpeed(at(60, 0, 20), 2), withHold(at(60, 0, 20), 5), at(0, 0, 20)),
				MissionFinish.HOLD);
		this.drone.startMission();

		List<DroneState> toFirst = this.sim.tickUntilMission(1, 120);
		double fastest = toFirst.stream().mapToDouble(DroneState::groundSpeed).max().orElseThrow();
		assertThat(fastest).as("the leg's own 2 m/s, not the 5 m/s cruise").isBetween(1.9, 2.05);
		List<DroneState> hovering = this.sim.tickUntilMission(2, 30);
		double seconds = hovering.stream().filter((state) -> state.mission().current() == 1).count() * 0.1;
		assertThat(seconds).as("reaches item 2 at once, then hovers 5 s from that tick on").isBetween(4.8, 5.2);
		assertThat(hovering.get(hovering.size() - 2).groundSpeed()).isLessThan(0.3);
	}

	@Test
	void theFinishActionIsFlownAfterTheLastWaypoint() {
		this.sim.airborneAt(20);
		this.drone.uploadMission("home", List.of(at(20, 0, 20)), MissionFinish.RTL);
		this.drone.startMission();
		this.sim.tickUntil(FlightMode.RTL, 60);
		assertThat(this.sim.tickUntil(FlightMode.DISARMED, 120).get(0).mission().state())
			.isEqualTo(MissionState.FINISHED);
		assertThat(this.sim.distanceFromHome()).isLessThan(1.5);

		TestFleet other = TestFleet.withDefaults();
		other.airborneAt(20);
		other.d1().uploadMission("down", List.of(at(20, 0, 20)), MissionFinish.LAND);
		other.d1().startMission();
		other.tickUntil(FlightMode.LAND, 60);
		other.tickUntil(FlightMode.DISARMED, 120);
		assertThat(other.distanceFromHome()).as("lands at the last waypoint").isBetween(18.0, 22.0);
	}

	@Test
	void pauseHoldsAndResumeGoesOnFromTheWaypointItWasFlyingTo() {
		this.sim.airborneAt(20);
		this.drone.uploadMission("square", square(), MissionFinish.HOLD);
		this.drone.startMission();
		this.sim.tickUntilMission(1, 60);
		this.sim.tick(20);

		assertThat(this.drone.pauseMission().accepted()).isTrue();
		DroneState paused = this.sim.tick(1).get(0);
		assertThat(paused.mode()).isEqualTo(FlightMode.HOLD);
		assertThat(paused.mission()).isEqualTo(new MissionStatus("square", 1, 4, MissionState.PAUSED));
		assertThat(this.drone.pauseMission().reason()).isEqualTo("d1 is not flying a mission");
		assertThat(this.sim.events()).extracting(FleetEvent::detail)
			.contains("mission square paused at item 2 of 4: mission paused");

		assertThat(this.drone.resumeMission().accepted()).isTrue();
		assertThat(this.sim.tick(1).get(0).mission()).isEqualTo(new MissionStatus("square", 1, 4, MissionState.ACTIVE));
		assertThat(this.sim.tickUntil(FlightMode.HOLD, 120).get(0).mission().current()).isEqualTo(1);
		assertThat(this.sim.state().mission().state()).isEqualTo(MissionState.FINISHED);
		assertThat(this.drone.resumeMission().reason())
			.isEqualTo("mission square is FINISHED, not paused: START flies it");
	}

	@Test
	void thePilotTakesOverWithAMoveAndTheMissionWaitsForResume() {
		this.sim.airborneAt(20);
		this.drone.uploadMission("square", square(), MissionFinish.HOLD);
		this.drone.startMission();
		this.sim.tick(10);

		assertThat(this.drone.move(0, 2, 0, 0).accepted()).isTrue();
		DroneState manual = this.sim.tick(1).get(0);
		assertThat(manual.mode()).isEqualTo(FlightMode.MANUAL);
		assertThat(manual.mission().state()).isEqualTo(MissionState.PAUSED);
		assertThat(this.sim.events()).extracting(FleetEvent::detail)
			.contains("mission square paused at item 1 of 4: pilot flying with MOVE set-points");
		this.drone.resumeMission();
		assertThat(this.sim.tick(1).get(0).mode()).isEqualTo(FlightMode.MISSION);
	}

	@Test
	void failsafesInterruptAMissionAsTheyInterruptAGoto() {
		TestFleet shortBattery = TestFleet.with(Map.of("hub.flight.battery.hover-endurance", "100s"));
		shortBattery.airborneAt(20);
		shortBattery.d1().uploadMission("long", List.of(at(250, 0, 20), at(0, 0, 20)), MissionFinish.HOLD);
		shortBattery.d1().startMission();
		List<DroneState> toLow = shortBattery.tickUntil(FlightMode.RTL, 120);
		DroneState low = toLow.get(toLow.size() - 1);
		assertThat(low.failsafe()).isEqualTo(Failsafe.LOW_BATTERY);
		assertThat(low.mission().state()).isEqualTo(MissionState.PAUSED);

		this.sim.airborneAt(20);
		this.drone.uploadMission("square", square(), MissionFinish.HOLD);
		this.drone.startMission();
		this.sim.tick(10);
		this.drone.pilotLinkLost();
		DroneState lost = this.sim.tick(1).get(0);
		assertThat(lost.mode()).isEqualTo(FlightMode.HOLD);
		assertThat(lost.failsafe()).isEqualTo(Failsafe.LINK_LOST);
		assertThat(lost.mission().state()).isEqualTo(MissionState.PAUSED);
		this.drone.assignPilot("bob");
		assertThat(this.drone.resumeMission().accepted()).as("a pilot takes over and resumes").isTrue();
		assertThat(this.sim.tick(1).get(0).mode()).isEqualTo(FlightMode.MISSION);
	}

	@Test
	void aHandoverOfControlPausesTheMissionForTheNewPilot() {
		this.sim.airborneAt(20);
		this.drone.uploadMission("square", square(), MissionFinish.HOLD);
		this.drone.startMission();
		this.sim.tick(10);

		this.drone.handOverTo("bob");

		DroneState handedOver = this.sim.tick(1).get(0);
		assertThat(handedOver.mode()).isEqualTo(FlightMode.HOLD);
		assertThat(handedOver.mission().state()).isEqualTo(MissionState.PAUSED);
	}

	@Test
	void aMissionBeingFlownIsNotReplacedAndClearingItHoldsTheDrone() {
		this.sim.airborneAt(20);
		this.drone.uploadMission("square", square(), MissionFinish.HOLD);
		this.drone.startMission();
		this.sim.tick(5);

		CommandResult replaced = this.drone.uploadMission("other", List.of(at(5, 5, 10)), MissionFinish.LAND);
		assertThat(replaced.code()).isEqualTo(ResultCode.COMMAND_DENIED);
		assertThat(replaced.reason())
			.isEqualTo("d1 is flying mission square: PAUSE or CLEAR it before uploading another");

		assertThat(this.drone.clearMission().accepted()).isTrue();
		DroneState cleared = this.sim.tick(1).get(0);
		assertThat(cleared.mode()).isEqualTo(FlightMode.HOLD);
		assertThat(cleared.mission()).isNull();
		assertThat(this.drone.startMission().reason()).isEqualTo("no mission uploaded for d1");
		assertThat(this.sim.events()).extracting(FleetEvent::type)
			.contains(EventType.MISSION_CLEARED)
			.doesNotContain(EventType.MISSION_PAUSED);
	}

	@Test
	void startIsRefusedWithTheReasonWhenTheDroneCannotArm() {
		TestFleet flat = TestFleet.with(Map.of("hub.flight.battery.hover-endurance", "10s"));
		flat.airborneAt(5);
		flat.tickUntil(FlightMode.DISARMED, 120);
		flat.d1().uploadMission("m", List.of(at(10, 0, 10)), MissionFinish.HOLD);

		CommandResult refused = flat.d1().startMission();

		assertThat(refused.accepted()).isFalse();
		assertThat(refused.reason()).contains("too low to take off");
		assertThat(flat.tick(1).get(0).mode()).isEqualTo(FlightMode.DISARMED);
	}

	/** Round a 30 m square north-east of home and back over home, at 20 m. */
	private List<MissionItem> square() {
		return List.of(at(30, 0, 20), at(30, 30, 20), at(0, 30, 20), at(0, 0, 20));
	}

	private @Nullable String refusal(@Nullable MissionItem item) {
		List<@Nullable MissionItem> items = new ArrayList<>();
		items.add(item);
		return this.drone.uploadMission("m", items, MissionFinish.HOLD).reason();
	}

	/** A waypoint so many metres north and east of home. */
	private MissionItem at(double north, double east, double altitude) {
		LocalFrame frame = new LocalFrame(this.sim.state().home());
		return new MissionItem(frame.latitudeOf(north), frame.longitudeOf(east), altitude);
	}

	private static MissionItem withSpeed(MissionItem item, double speed) {
		return new MissionItem(item.lat(), item.lon(), item.altitude(), speed, item.holdS());
	}

	private static MissionItem withHold(MissionItem item, double holdS) {
		return new MissionItem(item.lat(), item.lon(), item.altitude(), item.speed(), holdS);
	}

	private static double distanceTo(DroneState state, double north, double east) {
		LocalFrame frame = new LocalFrame(state.home());
		return Math.hypot(frame.northOf(state.position().lat()) - north, frame.eastOf(state.position().lon()) - east);
	}

}
