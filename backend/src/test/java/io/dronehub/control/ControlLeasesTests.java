package io.dronehub.control;

import java.time.Clock;
import java.util.Map;

import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Fleet;
import io.dronehub.flight.FleetProperties;
import io.dronehub.flight.FlightProperties;
import io.dronehub.flight.ResultCode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link ControlLeases}: one pilot per drone, and none for a session that has
 * closed.
 */
class ControlLeasesTests {

	private final Fleet fleet = fleet();

	private final ControlLeases leases = new ControlLeases();

	private final Pilot alice = new Pilot("alice", "s-alice");

	@Test
	void anAcquireHandledAfterItsSessionClosedIsRefusedAndTheDroneStaysFree() {
		this.leases.sessionClosed(this.fleet, this.alice.sessionId());

		CommandResult late = this.leases.acquire(this.fleet, "d1", this.alice);

		assertThat(late.code()).isEqualTo(ResultCode.COMMAND_DENIED);
		assertThat(late.reason()).contains("closed");
		assertThat(this.fleet.states().get(0).pilot()).isNull();
		Pilot bob = new Pilot("bob", "s-bob");
		assertThat(this.leases.acquire(this.fleet, "d1", bob).code()).isNull();
	}

	@Test
	void closingASessionReleasesItsDrones() {
		assertThat(this.leases.acquire(this.fleet, "d1", this.alice).code()).isNull();

		assertThat(this.leases.sessionClosed(this.fleet, this.alice.sessionId())).containsExactly("d1");

		assertThat(this.leases.checkControl("d1", this.alice.sessionId()).code()).isEqualTo(ResultCode.NOT_IN_CONTROL);
	}

	@Test
	void aDroneHandedOverLeavesWithItsPilotAndArrivesWithIt() {
		ControlLeases there = new ControlLeases();
		assertThat(this.leases.acquire(this.fleet, "d1", this.alice).code()).isNull();

		assertThat(this.leases.handOver("d1")).isEqualTo(this.alice);
		assertThat(this.leases.handOver("d1")).isNull();
		assertThat(this.leases.checkControl("d1", this.alice.sessionId()).code()).isEqualTo(ResultCode.NOT_IN_CONTROL);
		Pilot remote = new Pilot("alice", "a/s-alice");
		assertThat(there.hasClosed(remote.sessionId())).isFalse();
		there.handedOver(this.fleet, "d1", remote);

		assertThat(there.checkControl("d1", remote.sessionId()).code()).isNull();
		there.sessionClosed(this.fleet, remote.sessionId());
		assertThat(there.hasClosed(remote.sessionId())).isTrue();
		assertThat(there.checkControl("d1", remote.sessionId()).code()).isEqualTo(ResultCode.NOT_IN_CONTROL);
	}

	@Test
	void onlyTheLatestClosedSessionsAreRemembered() {
		this.leases.sessionClosed(this.fleet, this.alice.sessionId());
		for (int i = 0; i < ControlLeases.REMEMBERED_CLOSED_SESSIONS; i++) {
			this.leases.sessionClosed(this.fleet, "s-" + i);
		}

		assertThat(this.leases.acquire(this.fleet, "d1", this.alice).code()).isNull();
		Pilot recent = new Pilot("bob", "s-" + (ControlLeases.REMEMBERED_CLOSED_SESSIONS - 1));
		assertThat(this.leases.acquire(this.fleet, "d2", recent).code()).isEqualTo(ResultCode.COMMAND_DENIED);
	}

	private static Fleet fleet() {
		Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("hub.fleet.size", "2")));
		return new Fleet(binder.bindOrCreate("hub.fleet", FleetProperties.class),
				binder.bindOrCreate("hub.flight", FlightProperties.class), Clock.systemUTC());
	}

}
