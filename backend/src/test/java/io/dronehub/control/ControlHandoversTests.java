package io.dronehub.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.dronehub.SteppingClock;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.ControlStatus;
import io.dronehub.flight.Drone;
import io.dronehub.flight.Fleet;
import io.dronehub.flight.FleetProperties;
import io.dronehub.flight.FlightMode;
import io.dronehub.flight.FlightProperties;
import io.dronehub.flight.ResultCode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link ControlHandovers}: control passes with the consent of the pilot in
 * control, and every race between a waiting request and a change of control has one
 * outcome.
 */
class ControlHandoversTests {

	private static final Duration TICK = Duration.ofMillis(100);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final SteppingClock clock = new SteppingClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final Fleet fleet = fleet(this.clock);

	private final ControlLeases leases = new ControlLeases();

	private final List<ControlPrompt> prompts = new ArrayList<>();

	private final List<Pilot> asked = new ArrayList<>();

	private final ControlHandovers handovers = new ControlHandovers(this.leases, (owner, prompt) -> {
		this.asked.add(owner);
		this.prompts.add(prompt);
	}, this.clock);

	private final Pilot alice = new Pilot("alice", "s-alice");

	private final Pilot bob = new Pilot("bob", "s-bob");

	private final Pilot carol = new Pilot("carol", "s-carol");

	@Test
	void aFreeDroneIsGrantedAtOnceWithoutAskingAnyone() {
		CompletableFuture<CommandResult> decision = this.handovers.request(this.fleet, "d1", this.bob, TIMEOUT);

		assertThat(decision).isCompletedWithValue(CommandResult.ok());
		assertThat(this.leases.holder("d1")).isEqualTo(this.bob);
		assertThat(this.prompts).isEmpty();
	}

	@Test
	void thePilotInControlIsAskedAndTheDroneIsTheAskersWhenGranted() {
		flying();
		this.fleet.drone("d1").move(1, 0, 0, 0);
		CompletableFuture<CommandResult> decision = this.handovers.request(this.fleet, "d1", this.bob, TIMEOUT);

		assertThat(decision).isNotDone();
		assertThat(this.asked).containsExactly(this.alice);
		ControlPrompt prompt = this.prompts.get(0);
		assertThat(prompt.droneId()).isEqualTo("d1");
		assertThat(prompt.from()).isEqualTo("bob");
		assertThat(prompt.expiresAt()).isEqualTo(this.clock.millis() + TIMEOUT.toMillis());
		assertThat(this.handovers.waitingFor("d1")).isEqualTo(prompt);

		assertThat(this.handovers.answer(this.fleet, "d1", prompt.requestId(), this.alice, true).accepted()).isTrue();

		assertThat(decision).isCompletedWithValue(CommandResult.ok());
		assertThat(this.leases.holder("d1")).isEqualTo(this.bob);
		assertThat(this.handovers.waitingFor("d1")).isNull();
		assertThat(this.fleet.drone("d1").mode()).as("never flies on alice's MOVE").isEqualTo(FlightMode.HOLD);
		assertThat(this.fleet.step(TICK).get(0).pilot()).isEqualTo("bob");
	}

	@Test
	void aDeniedRequestChangesNothing() {
		this.leases.acquire(this.fleet, "d1", this.alice);
		CompletableFuture<CommandResult> decision = this.handovers.request(this.fleet, "d1", this.bob, TIMEOUT);

		this.handovers.answer(this.fleet, "d1", this.prompts.get(0).requestId(), this.alice, false);

		assertThat(decision.join().code()).isEqualTo(ResultCode.DENIED);
		assertThat(decision.join().reason()).isEqualTo("alice denied the request");
		assertThat(this.leases.holder("d1")).isEqualTo(this.alice);
	}

	@Test
	void onlyThePilotInControlAnswersAndOnlyTheRequestThatWaits() {
		this.leases.acquire(this.fleet, "d1", this.alice);
		CompletableFuture<CommandResult> decision = this.handovers.request(this.fleet, "d1", this.bob, TIMEOUT);
		String id = this.prompts.get(0).requestId();

		assertThat(this.handovers.answer(this.fleet, "d1", id, this.bob, true).code())
			.isEqualTo(ResultCode.NOT_IN_CONTROL);
		assertThat(this.handovers.answer(this.fleet, "d1", "3f2b8c1e-0d4a-4c53-9a57-7e1f0b6d2c90", this.alice, true)
			.code()).isEqualTo(ResultCode.COMMAND_DENIED);
		assertThat(this.handovers.answer(this.fleet, "d9", id, this.alice, true).code())
			.isEqualTo(ResultCode.NO_SYSTEM);
		assertThat(decision).isNotDone();
	}

	@Test
	void anUnansweredRequestTimesOutOnTheSimulationsClock() {
		this.leases.acquire(this.fleet, "d1", this.alice);
		CompletableFuture<CommandResult> decision = this.handovers.request(this.fleet, "d1", this.bob, TIMEOUT);

		this.clock.advance(TIMEOUT.minus(TICK));
		this.handovers.review(this.fleet);
		assertThat(decision).isNotDone();
		this.clock.advance(TICK);
		this.handovers.review(this.fleet);

		assertThat(decision.join().code()).isEqualTo(ResultCode.TIMEOUT);
		assertThat(this.leases.holder("d1")).isEqualTo(this.alice);
		assertThat(this.handovers.anyWaiting()).isFalse();
		String late = this.prompts.get(0).requestId();
		assertThat(this.handovers.answer(this.fleet, "d1", late, this.alice, true).code())
			.isEqualTo(ResultCode.COMMAND_DENIED);
	}

	@Test
	void aPilotWhoAllowsTakeoverIsNotAskedAndTheAllowanceEndsWithTheirControl() {
		this.leases.acquire(this.fleet, "d1", this.alice);
		assertThat(this.handovers.allowTakeover(this.fleet, "d1", this.bob, true).code())
			.isEqualTo(ResultCode.NOT_IN_CONTROL);
		assertThat(this.handovers.allowTakeover(this.fleet, "d1", this.alice, true).accepted()).isTrue();
		assertThat(this.handovers.takeoverAllowed("d1")).isTrue();

		assertThat(this.handovers.request(this.fleet, "d1", this.bob, TIMEOUT))
			.isCompletedWithValue(CommandResult.ok());

		assertThat(this.prompts).isEmpty();
		assertThat(this.leases.holder("d1")).isEqualTo(this.bob);
		assertThat(this.handovers.takeoverAllowed("d1")).as("bob has not allowed it").isFalse();
		assertThat(this.handovers.request(this.fleet, "d1", this.alice, TIMEOUT)).isNotDone();
	}

	@Test
	void allowingTakeoverGrantsTheRequestThatWaits() {
		this.leases.acquire(this.fleet, "d1", this.alice);
		CompletableFuture<CommandResult> decision = this.handovers.request(this.fleet, "d1", this.bob, TIMEOUT);

		this.handovers.allowTakeover(this.fleet, "d1", this.alice, true);

		assertThat(decision).isCompletedWithValue(CommandResult.ok());
		assertThat(this.leases.holder("d1")).isEqualTo(this.bob);
	}

	@Test
	void aSecondRequestWhileOneWaitsIsRefusedAndTheFirstStillWaits() {
		this.leases.acquire(this.fleet, "d1", this.alice);
		CompletableFuture<CommandResult> first = this.handovers.request(this.fleet, "d1", this.bob, TIMEOUT);

		CommandResult second = this.handovers.request(this.fleet, "d1", this.carol, TIMEOUT).join();

		assertThat(second.code()).isEqualTo(ResultCode.TEMPORARILY_REJECTED);
		assertThat(second.reason()).contains("bob is already asking alice");
		assertThat(first).isNotDone();
		assertThat(this.prompts).hasSize(1);
	}

	@Test
	void whenThePilotInControlDisconnectsTheRequestThatWaitsIsGranted() {
		flying();
		CompletableFuture<CommandResult> decision = this.handovers.request(this.fleet, "d1", this.bob, TIMEOUT);

		this.leases.sessionClosed(this.fleet, this.alice.sessionId());
		this.handovers.review(this.fleet);

		assertThat(decision).isCompletedWithValue(CommandResult.ok());
		assertThat(this.leases.holder("d1")).isEqualTo(this.bob);
		assertThat(this.fleet.step(TICK).get(0).failsafe()).as("bob took over before the link-loss return").isNull();
	}

	@Test
	void anAdminForcingAReleaseWhileARequestWaitsGrantsItToTheAsker() {
		this.leases.acquire(this.fleet, "d1", this.alice);
		CompletableFuture<CommandResult> decision = this.handovers.request(this.fleet, "d1", this.bob, TIMEOUT);

		this.leases.forceRelease(this.fleet, "d1", new Pilot("admin", "s-admin"));
		this.handovers.review(this.fleet);

		assertThat(decision).isCompletedWithValue(CommandResult.ok());
		assertThat(this.leases.holder("d1")).isEqualTo(this.bob);
	}

	@Test
	void theRequestOfAnAskerWhoDisconnectedEndsAndThePilotKeepsTheDrone() {
		this.leases.acquire(this.fleet, "d1", this.alice);
		CompletableFuture<CommandResult> decision = this.handovers.request(this.fleet, "d1", this.bob, TIMEOUT);

		this.leases.sessionClosed(this.fleet, this.bob.sessionId());
		this.handovers.review(this.fleet);

		assertThat(decision.join().code()).isEqualTo(ResultCode.COMMAND_DENIED);
		assertThat(decision.join().reason()).contains("bob disconnected");
		assertThat(this.leases.holder("d1")).isEqualTo(this.alice);
		assertThat(this.handovers.anyWaiting()).isFalse();
	}

	@Test
	void aDroneInTheLinkLossFailsafeIsFreeAndGrantedAtOnceEndingTheFailsafe() {
		flying();
		this.leases.sessionClosed(this.fleet, this.alice.sessionId());
		assertThat(this.fleet.step(TICK).get(0).failsafe()).isNotNull();

		assertThat(this.handovers.request(this.fleet, "d1", this.bob, TIMEOUT))
			.isCompletedWithValue(CommandResult.ok());

		assertThat(this.prompts).isEmpty();
		assertThat(this.fleet.step(TICK).get(0).failsafe()).as("no return to launch").isNull();
	}

	@Test
	void aLandingDroneHandedOverGoesOnLanding() {
		flying();
		Drone drone = this.fleet.drone("d1");
		assertThat(drone.land().accepted()).isTrue();
		CompletableFuture<CommandResult> decision = this.handovers.request(this.fleet, "d1", this.bob, TIMEOUT);

		this.handovers.answer(this.fleet, "d1", this.prompts.get(0).requestId(), this.alice, true);

		assertThat(decision).isCompletedWithValue(CommandResult.ok());
		assertThat(drone.mode()).as("a landing goes on").isEqualTo(FlightMode.LAND);
	}

	@Test
	void everyoneSeesInTelemetryWhoAsksAndWhetherTakeoverIsAllowedUntilThePilotChanges() {
		this.leases.acquire(this.fleet, "d1", this.alice);
		assertThat(control()).as("nothing to say").isNull();

		this.handovers.request(this.fleet, "d1", this.bob, TIMEOUT);
		long expiresAt = this.clock.millis() + TIMEOUT.toMillis();
		assertThat(control()).isEqualTo(new ControlStatus(false, new ControlStatus.WaitingRequest("bob", expiresAt)));
		this.handovers.answer(this.fleet, "d1", this.prompts.get(0).requestId(), this.alice, false);
		assertThat(control()).as("denied: nothing waits").isNull();

		this.handovers.allowTakeover(this.fleet, "d1", this.alice, true);
		assertThat(control()).isEqualTo(new ControlStatus(true, null));
		this.handovers.allowTakeover(this.fleet, "d1", this.alice, false);
		assertThat(control()).isNull();

		this.handovers.allowTakeover(this.fleet, "d1", this.alice, true);
		this.leases.release(this.fleet, "d1", this.alice);
		assertThat(control()).as("the allowance was alice's").isNull();
		this.handovers.review(this.fleet);
		assertThat(control()).isNull();
	}

	@Test
	void aRequestThatTimesOutOrIsGrantedLeavesTheStatus() {
		this.leases.acquire(this.fleet, "d1", this.alice);
		this.handovers.request(this.fleet, "d1", this.bob, TIMEOUT);
		this.clock.advance(TIMEOUT);
		this.handovers.review(this.fleet);
		assertThat(control()).isNull();

		this.handovers.request(this.fleet, "d1", this.bob, TIMEOUT);
		this.handovers.answer(this.fleet, "d1", this.prompts.get(1).requestId(), this.alice, true);
		assertThat(control()).isNull();
		assertThat(this.fleet.step(TICK).get(0).pilot()).isEqualTo("bob");
	}

	private @Nullable ControlStatus control() {
		return this.fleet.step(TICK).get(0).control();
	}

	/** Alice flies d1 at 10 m. */
	private void flying() {
		assertThat(this.leases.acquire(this.fleet, "d1", this.alice).accepted()).isTrue();
		Drone drone = this.fleet.drone("d1");
		assertThat(drone.arm().accepted()).isTrue();
		assertThat(drone.takeoff(10).accepted()).isTrue();
		for (int i = 0; i < 300 && drone.mode() == FlightMode.TAKEOFF; i++) {
			this.clock.advance(TICK);
			this.fleet.step(TICK);
		}
		assertThat(drone.mode()).isEqualTo(FlightMode.HOLD);
	}

	private static Fleet fleet(SteppingClock clock) {
		Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("hub.fleet.size", "2")));
		return new Fleet(binder.bindOrCreate("hub.fleet", FleetProperties.class),
				binder.bindOrCreate("hub.flight", FlightProperties.class), clock);
	}

}
