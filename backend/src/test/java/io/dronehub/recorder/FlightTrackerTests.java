package io.dronehub.recorder;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.dronehub.flight.Battery;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.EventType;
import io.dronehub.flight.Failsafe;
import io.dronehub.flight.FleetEvent;
import io.dronehub.flight.FlightMode;
import io.dronehub.flight.GeoPoint;
import io.dronehub.flight.Position;
import io.dronehub.flight.Velocity;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class FlightTrackerTests {

	private static final double METERS_PER_DEGREE = Math.toRadians(1) * 6_371_000;

	private final AtomicLong nextId = new AtomicLong();

	private final FlightTracker tracker = new FlightTracker(() -> new UUID(0, this.nextId.incrementAndGet()));

	@Test
	void aFlightRunsFromTheFirstArmedStateToTheFirstDisarmedOneWhichItKeeps() {
		RecorderBatch batch = new RecorderBatch();
		this.tracker.states(List.of(state("d1", 1, FlightMode.DISARMED, 0, 100, null, null)), batch);
		this.tracker.states(List.of(state("d1", 2, FlightMode.ARMED, 0, 100, "alice", null)), batch);
		this.tracker.states(List.of(state("d1", 3, FlightMode.TAKEOFF, 5, 99, "alice", null)), batch);
		this.tracker.states(List.of(state("d1", 4, FlightMode.DISARMED, 0, 98, "alice", null)), batch);
		this.tracker.states(List.of(state("d1", 5, FlightMode.DISARMED, 0, 98, "alice", null)), batch);

		assertThat(batch.states()).extracting((row) -> row.state().seq()).containsExactly(2L, 3L, 4L);
		Flight flight = only(batch);
		assertThat(flight.startedAt()).isEqualTo(2000);
		assertThat(flight.endedAt()).isEqualTo(4000);
		assertThat(flight.endReason()).isEqualTo(Flight.DISARMED);
		assertThat(flight.frames()).isEqualTo(3);
		assertThat(this.tracker.flying()).isZero();
	}

	@Test
	void theNextArmingStartsAnotherFlight() {
		RecorderBatch batch = new RecorderBatch();
		this.tracker.states(List.of(state("d1", 1, FlightMode.ARMED, 0, 100, null, null)), batch);
		this.tracker.states(List.of(state("d1", 2, FlightMode.DISARMED, 0, 100, null, null)), batch);
		this.tracker.states(List.of(state("d1", 3, FlightMode.ARMED, 0, 100, null, null)), batch);

		assertThat(batch.flights()).extracting(Flight::id).doesNotHaveDuplicates().hasSize(2);
		assertThat(batch.statesOf(new UUID(0, 2))).isEqualTo(1);
	}

	@Test
	void aFailsafeThatEndedTheFlightIsItsEndReason() {
		RecorderBatch batch = new RecorderBatch();
		this.tracker.states(List.of(state("d1", 1, FlightMode.LAND, 3, 4, null, Failsafe.LOW_BATTERY)), batch);
		this.tracker.states(List.of(state("d1", 2, FlightMode.DISARMED, 0, 3, null, Failsafe.LOW_BATTERY)), batch);

		assertThat(only(batch).endReason()).isEqualTo("LOW_BATTERY");
	}

	@Test
	void aDroneMissingFromATickMovedToAnotherNodeAndItsFlightStaysOpenForThatNode() {
		RecorderBatch batch = new RecorderBatch();
		this.tracker.states(List.of(state("d1", 1, FlightMode.HOLD, 10, 90, "alice", null),
				state("d2", 1, FlightMode.HOLD, 10, 90, "bob", null)), batch);
		this.tracker.states(List.of(state("d1", 2, FlightMode.HOLD, 10, 90, "alice", null)), batch);
		this.tracker.events(List.of(event("d2", "alice lost control: moved to node b")), batch);

		assertThat(batch.flights()).filteredOn((flight) -> flight.droneId().equals("d2"))
			.singleElement()
			.satisfies((flight) -> assertThat(flight.endedAt()).isNull());
		assertThat(batch.events()).as("the tick's entries still join the flight it left with")
			.extracting((row) -> row.entry().droneId())
			.containsExactly("d2");
		assertThat(this.tracker.flying()).isOne();
		RecorderBatch last = new RecorderBatch();
		this.tracker.endAll(9_000, last);
		assertThat(last.flights()).extracting(Flight::droneId).containsExactly("d1");
	}

	@Test
	void anArmedDroneFromAnotherNodeCarriesOnItsFlightAfterTheStatesRecordedThere() {
		UUID earlier = new UUID(7, 7);
		Flight recorded = new Flight(earlier, "d1", List.of("alice"), 1_000, null, null, 30, 100, 5, 50);
		FlightSoFar soFar = new FlightSoFar(recorded, 50, 50_000, new Position(-22.95, -43.21, 30), 90, 7);
		FlightTracker node = new FlightTracker(() -> new UUID(0, this.nextId.incrementAndGet()),
				(droneId) -> droneId.equals("d1") ? Optional.of(soFar) : Optional.empty(), 6_000);
		RecorderBatch batch = new RecorderBatch();
		node.events(List.of(event("d1", "d1 moved from node b to node a")), batch);
		node.states(List.of(state("d1", 50, FlightMode.HOLD, 30, 90, null, null)), batch);
		node.states(List.of(movedNorth(state("d1", 51, FlightMode.HOLD, 30, 89, "bob", null), 40)), batch);

		assertThat(batch.states()).as("the state recorded there already is not recorded again")
			.extracting((row) -> row.state().seq())
			.containsExactly(51L);
		assertThat(batch.statesOf(earlier)).isOne();
		assertThat(batch.events()).singleElement().satisfies((row) -> {
			assertThat(row.flightId()).isEqualTo(earlier);
			assertThat(row.eventNo()).isEqualTo(7 + FlightTracker.ENTRIES_IN_TRANSIT);
		});
		Flight flight = batch.flights().iterator().next();
		assertThat(flight.id()).isEqualTo(earlier);
		assertThat(flight.startedAt()).isEqualTo(1_000);
		assertThat(flight.pilots()).containsExactly("alice", "bob");
		assertThat(flight.distance()).isCloseTo(140, within(0.02));
		assertThat(flight.batteryUsed()).isEqualTo(6);
		assertThat(flight.frames()).isEqualTo(51);
	}

	@Test
	void aFlightRecordedLongerAgoThanTheLimitIsNotCarriedOn() {
		Flight recorded = new Flight(new UUID(7, 7), "d1", List.of("alice"), 1_000, null, null, 30, 100, 5, 50);
		FlightSoFar soFar = new FlightSoFar(recorded, 50, 44_999, new Position(-22.95, -43.21, 30), 90, 7);
		FlightTracker node = new FlightTracker(() -> new UUID(0, this.nextId.incrementAndGet()),
				(droneId) -> Optional.of(soFar), 6_000);
		RecorderBatch batch = new RecorderBatch();
		node.states(List.of(state("d1", 51, FlightMode.ARMED, 0, 100, null, null)), batch);

		assertThat(only(batch).id()).isEqualTo(new UUID(0, 1));
		assertThat(only(batch).startedAt()).isEqualTo(51_000);
	}

	@Test
	void theHubStoppingEndsEveryFlightUnderWay() {
		RecorderBatch batch = new RecorderBatch();
		this.tracker.states(List.of(state("d1", 1, FlightMode.HOLD, 10, 90, "alice", null),
				state("d2", 1, FlightMode.DISARMED, 0, 100, null, null)), batch);
		RecorderBatch last = new RecorderBatch();
		this.tracker.endAll(9_000, last);

		Flight flight = only(last);
		assertThat(flight.droneId()).isEqualTo("d1");
		assertThat(flight.endedAt()).isEqualTo(9_000);
		assertThat(flight.endReason()).isEqualTo(Flight.HUB_STOPPED);
		assertThat(this.tracker.flying()).isZero();
	}

	@Test
	void theSummaryAddsUpDistanceAltitudeBatteryAndPilotsInOrder() {
		RecorderBatch batch = new RecorderBatch();
		this.tracker.states(List.of(state("d1", 1, FlightMode.ARMED, 0, 100, "alice", null)), batch);
		this.tracker.states(List.of(state("d1", 2, FlightMode.TAKEOFF, 30, 97, "alice", null)), batch);
		this.tracker.states(List.of(movedNorth(state("d1", 3, FlightMode.GOTO, 30, 95, "bob", null), 40)), batch);
		this.tracker.states(List.of(movedNorth(state("d1", 4, FlightMode.LAND, 10, 94.5, "alice", null), 40)), batch);

		Flight flight = only(batch);
		assertThat(flight.maxAltitude()).isEqualTo(30);
		assertThat(flight.distance()).isCloseTo(30 + 40 + 20, within(0.02));
		assertThat(flight.batteryUsed()).isEqualTo(5.5);
		assertThat(flight.pilots()).containsExactly("alice", "bob");
		assertThat(flight.endedAt()).isNull();
	}

	@Test
	void eventsJoinTheFlightOfTheirDroneUnderWayAndNoOther() {
		RecorderBatch batch = new RecorderBatch();
		this.tracker.states(List.of(state("d1", 1, FlightMode.ARMED, 0, 100, null, null),
				state("d2", 1, FlightMode.DISARMED, 0, 100, null, null)), batch);
		this.tracker.events(
				List.of(event("d1", "first"), event("d2", "not flying"), event(null, "the hub"), event("d1", "second")),
				batch);

		assertThat(batch.events()).extracting((row) -> row.entry().detail(), RecorderBatch.EventRow::eventNo)
			.containsExactly(tuple("first", 0), tuple("second", 1));
	}

	@Test
	void theArmingThatStartedAFlightAndTheTouchdownThatEndedItBelongToIt() {
		RecorderBatch batch = new RecorderBatch();
		this.tracker.states(List.of(state("d1", 1, FlightMode.DISARMED, 0, 100, null, null)), batch);
		this.tracker.events(List.of(event("d1", "before the last state")), batch);
		this.tracker.states(List.of(state("d1", 2, FlightMode.DISARMED, 0, 100, null, null)), batch);
		this.tracker.events(List.of(event("d1", "armed"), event("d1", "climbing")), batch);
		this.tracker.states(List.of(state("d1", 3, FlightMode.TAKEOFF, 1, 100, null, null)), batch);
		this.tracker.states(List.of(state("d1", 4, FlightMode.DISARMED, 0, 100, null, null)), batch);
		this.tracker.events(List.of(event("d1", "landed")), batch);
		this.tracker.states(List.of(state("d1", 5, FlightMode.DISARMED, 0, 100, null, null)), batch);
		this.tracker.events(List.of(event("d1", "after the flight")), batch);

		assertThat(batch.events()).extracting((row) -> row.entry().detail())
			.containsExactly("armed", "climbing", "landed");
	}

	@Test
	void aBatchOfEventsAloneStillNamesTheFlightTheyJoin() {
		this.tracker.states(List.of(state("d1", 1, FlightMode.HOLD, 5, 90, "alice", null)), new RecorderBatch());
		RecorderBatch eventsOnly = new RecorderBatch();
		this.tracker.events(List.of(event("d1", "landing requested")), eventsOnly);

		assertThat(eventsOnly.isEmpty()).isFalse();
		assertThat(only(eventsOnly).id()).isEqualTo(eventsOnly.events().get(0).flightId());
	}

	@Test
	void commandsJoinTheFlightOfTheirDroneInOrderWithItsEvents() {
		RecorderBatch batch = new RecorderBatch();
		this.tracker.states(List.of(state("d1", 1, FlightMode.DISARMED, 0, 100, null, null)), batch);
		this.tracker.entry(command("d1", "ARM"), batch);
		this.tracker.states(List.of(state("d1", 2, FlightMode.ARMED, 0, 100, "alice", null)), batch);
		this.tracker.entry(command("d1", "TAKEOFF"), batch);
		this.tracker.events(List.of(event("d1", "climbing")), batch);

		assertThat(batch.events()).extracting((row) -> row.entry().type(), RecorderBatch.EventRow::eventNo)
			.containsExactly(tuple("ARM", 0), tuple("TAKEOFF", 1), tuple("MODE_CHANGED", 2));
	}

	@Test
	void entriesOfADroneWithoutStateAreForgottenAtTheNextTick() {
		RecorderBatch batch = new RecorderBatch();
		this.tracker.entry(command("d9", "ARM"), batch);
		this.tracker.states(List.of(state("d1", 1, FlightMode.DISARMED, 0, 100, null, null)), batch);
		this.tracker.states(List.of(state("d9", 2, FlightMode.ARMED, 0, 100, null, null)), batch);

		assertThat(batch.events()).isEmpty();
	}

	private static FlightLogEntry command(String droneId, String type) {
		return new FlightLogEntry(FlightLogEntry.Kind.COMMAND, 0, droneId, "alice", type,
				type + " from alice: accepted", null, null);
	}

	private static Flight only(RecorderBatch batch) {
		assertThat(batch.flights()).hasSize(1);
		return batch.flights().iterator().next();
	}

	private static DroneState state(String droneId, long seq, FlightMode mode, double alt, double batteryPercent,
			@Nullable String pilot, @Nullable Failsafe failsafe) {
		return new DroneState(droneId, seq, seq * 1000, mode, mode != FlightMode.DISARMED,
				new Position(-22.95, -43.21, alt), new Velocity(0, 0, 0), 0, 0, new Battery(batteryPercent, 16),
				new GeoPoint(-22.95, -43.21), pilot, failsafe, null, null);
	}

	private static DroneState movedNorth(DroneState state, double meters) {
		Position at = state.position();
		return new DroneState(state.droneId(), state.seq(), state.timestamp(), state.mode(), state.armed(),
				new Position(at.lat() + meters / METERS_PER_DEGREE, at.lon(), at.alt()), state.velocity(),
				state.groundSpeed(), state.heading(), state.battery(), state.home(), state.pilot(), state.failsafe(),
				state.mission(), state.control());
	}

	private static FleetEvent event(@Nullable String droneId, String detail) {
		return new FleetEvent(EventType.MODE_CHANGED, droneId, null, 0, detail);
	}

}
