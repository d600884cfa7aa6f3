package io.dronehub.flight;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for a drone moving between two fleets, as between two nodes of a cluster: the
 * second carries on from the last state the first published.
 */
class FleetTakeOverTests {

	private final TestFleet first = TestFleet.withDefaults();

	private final TestFleet second = TestFleet.simulatingNone();

	@Test
	void aFleetThatSimulatesNoneHasNoStatesAndRefusesCommandsForDronesElsewhere() {
		assertThat(this.second.fleet.step(TestFleet.TICK)).isEmpty();
		assertThat(this.second.fleet.drone("d1")).isNull();
		assertThat(this.second.fleet.absent("d1").code()).isEqualTo(ResultCode.TEMPORARILY_REJECTED);
		assertThat(this.second.fleet.absent("d9").code()).isEqualTo(ResultCode.NO_SYSTEM);
	}

	@Test
	void aDroneInTheAirCarriesOnWhereItWasHoldsAndKeepsItsSeqAndCharge() {
		this.first.airborneAt(12);
		this.first.d1().goTo(this.first.state().home().lat() + 0.0005, this.first.state().home().lon(), 12);
		DroneState last = this.first.tick(30).get(29);
		assertThat(last.mode()).isEqualTo(FlightMode.GOTO);
		this.first.fleet.stop("d1");
		assertThat(this.first.fleet.step(TestFleet.TICK)).extracting(DroneState::droneId).containsExactly("d2");

		assertThat(this.second.fleet.resume(withoutPilot(last), "taken over by node b", false)).isTrue();
		List<DroneState> states = this.second.fleet.step(TestFleet.TICK);

		assertThat(states).hasSize(1);
		DroneState next = states.get(0);
		assertThat(next.seq()).isEqualTo(last.seq() + 1);
		assertThat(next.mode()).isEqualTo(FlightMode.HOLD);
		assertThat(next.position().lat()).isCloseTo(last.position().lat(), within(0.00002));
		assertThat(next.position().alt()).isCloseTo(last.position().alt(), within(0.2));
		assertThat(next.battery().percent()).isCloseTo(last.battery().percent(), within(0.1));
		assertThat(this.second.events()).extracting(FleetEvent::detail)
			.containsExactly("GOTO → HOLD: taken over by node b");
		assertThat(this.second.tick(30)).allSatisfy((state) -> assertThat(state.mode()).isEqualTo(FlightMode.HOLD));
		assertThat(this.second.fleet.resume(last, "again", false)).as("already simulated here").isFalse();
	}

	@Test
	void aDroneWhosePilotWasOnTheLostNodeFollowsTheLinkLossRules() {
		this.first.airborneAt(10);
		DroneState last = this.first.tick(1).get(0);
		assertThat(last.pilot()).isEqualTo("alice");

		this.second.fleet.resume(last, "taken over by node b", false);
		DroneState holding = this.second.fleet.step(TestFleet.TICK).get(0);

		assertThat(holding.mode()).isEqualTo(FlightMode.HOLD);
		assertThat(holding.pilot()).isNull();
		assertThat(holding.failsafe()).isEqualTo(Failsafe.LINK_LOST);
		assertThat(this.second.tickUntil(FlightMode.RTL, 10).get(0).failsafe()).isEqualTo(Failsafe.LINK_LOST);
	}

	@Test
	void aDroneHandedOverWithItsPilotCarriesOnFromItsStateNowAndKeepsItsPilot() {
		this.first.airborneAt(10);
		DroneState lastTick = this.first.tick(1).get(0);
		this.first.d1().land();

		DroneState now = this.first.fleet.handOver("d1");
		assertThat(now).isNotNull();
		assertThat(now.seq()).isEqualTo(lastTick.seq());
		assertThat(now.mode()).as("the landing ordered since the last tick").isEqualTo(FlightMode.LAND);
		assertThat(this.first.fleet.handOver("d1")).as("no longer simulated there").isNull();
		this.second.fleet.resume(now, "taken over by node b", true);
		DroneState next = this.second.fleet.step(TestFleet.TICK).get(0);

		assertThat(next.seq()).isEqualTo(now.seq() + 1);
		assertThat(next.mode()).isEqualTo(FlightMode.LAND);
		assertThat(next.pilot()).isEqualTo("alice");
		assertThat(next.failsafe()).isNull();
		assertThat(this.second.events()).extracting(FleetEvent::type).doesNotContain(EventType.FAILSAFE);
	}

	@Test
	void aLandingCarriesOnAndADroneOnTheGroundStaysAsItWas() {
		this.first.airborneAt(10);
		this.first.d1().land();
		DroneState landing = withoutPilot(this.first.tick(5).get(4));
		DroneState parked = this.first.fleet.states().get(1);

		this.second.fleet.resume(landing, "taken over by node b", false);
		this.second.fleet.resume(parked, "taken over by node b", false);
		List<DroneState> next = this.second.fleet.step(TestFleet.TICK);

		assertThat(next).extracting(DroneState::mode).containsExactly(FlightMode.LAND, FlightMode.DISARMED);
		assertThat(next.get(0).velocity().up()).isNegative();
		assertThat(this.second.tickUntil(FlightMode.DISARMED, 60)).isNotEmpty();
	}

	@Test
	void aDroneNobodySimulatedYetStartsWhereTheFleetPlacedIt() {
		assertThat(this.second.fleet.start("d2")).isTrue();
		assertThat(this.second.fleet.start("d2")).isFalse();
		assertThat(this.second.fleet.start("d9")).isFalse();
		assertThat(this.second.fleet.step(TestFleet.TICK)).singleElement()
			.satisfies((state) -> assertThat(state).usingRecursiveComparison()
				.ignoringFields("timestamp")
				.isEqualTo(this.first.fleet.step(TestFleet.TICK).get(1)));
	}

	private static DroneState withoutPilot(DroneState state) {
		return new DroneState(state.droneId(), state.seq(), state.timestamp(), state.mode(), state.armed(),
				state.position(), state.velocity(), state.groundSpeed(), state.heading(), state.battery(), state.home(),
				null, state.failsafe(), null, null);
	}

}
