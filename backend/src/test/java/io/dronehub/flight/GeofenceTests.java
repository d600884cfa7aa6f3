package io.dronehub.flight;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link Geofence} with the default limits: a 300 m radius and a 100 m ceiling.
 */
class GeofenceTests {

	private final FlightProperties limits = TestFleet.defaultLimits();

	private final Geofence geofence = new Geofence(this.limits);

	@Test
	void aSetpointFarFromTheFenceIsFlownAsItIs() {
		Vector3 setpoint = new Vector3(12, 0, 3);
		assertThat(this.geofence.limitMove(new Vector3(100, 0, 10), setpoint))
			.isEqualTo(new Geofence.MoveLimit.Within(setpoint));
	}

	@Test
	void atHomeEveryDirectionIsOutwardsAndNoneIsLimited() {
		Vector3 setpoint = new Vector3(-12, 5, 0);
		assertThat(this.geofence.limitMove(Vector3.ZERO, setpoint)).isEqualTo(new Geofence.MoveLimit.Within(setpoint));
	}

	@Test
	void nearTheFenceTheOutwardPartSlowsSoTheDroneCanStop() {
		double room = 8;
		Vector3 position = new Vector3(0, 300 - 0.5 - room, 10);
		Vector3 limited = allowedVelocity(this.geofence.limitMove(position, new Vector3(2, 12, 0)));
		assertThat(limited.east()).isCloseTo(Math.sqrt(2 * this.limits.horizontalAcceleration() * room), within(1e-9));
		assertThat(limited.north()).as("along the fence").isEqualTo(2);
	}

	@Test
	void movingInwardsNearTheFenceIsNotLimited() {
		Vector3 setpoint = new Vector3(0, -12, 0);
		assertThat(this.geofence.limitMove(new Vector3(0, 299, 10), setpoint))
			.isEqualTo(new Geofence.MoveLimit.Within(setpoint));
	}

	@Test
	void pushingOutwardsAtTheFenceStops() {
		assertThat(this.geofence.limitMove(new Vector3(-299, 0, 10), new Vector3(-3, 0, 0)))
			.isEqualTo(new Geofence.MoveLimit.PushingOut());
		assertThat(this.geofence.limitMove(new Vector3(-299, 0, 10), new Vector3(-0.05, 0, 0))).as("barely pushing")
			.isInstanceOf(Geofence.MoveLimit.Within.class);
	}

	@Test
	void nearTheCeilingTheClimbSlowsAndPushingUpStops() {
		double headroom = 1.1;
		Vector3 limited = allowedVelocity(
				this.geofence.limitMove(new Vector3(0, 0, 100 - 0.5 - headroom), new Vector3(0, 0, 3)));
		assertThat(limited.up()).isCloseTo(Math.sqrt(2 * this.limits.verticalAcceleration() * headroom), within(1e-9));
		assertThat(this.geofence.limitMove(new Vector3(0, 0, 99), new Vector3(0, 0, 1)))
			.isEqualTo(new Geofence.MoveLimit.PushingOut());
		assertThat(this.geofence.limitMove(new Vector3(0, 0, 99), new Vector3(0, 0, -1)))
			.isEqualTo(new Geofence.MoveLimit.Within(new Vector3(0, 0, -1)));
	}

	@Test
	void aDroneInsideIsLeftAlone() {
		Motion inside = new Motion(new Vector3(200, 200, 99), new Vector3(5, 5, 1));
		assertThat(this.geofence.contain(inside)).isEqualTo(new Geofence.Containment.Inside());
	}

	@Test
	void aDroneOutsideIsPutBackOnTheFenceAndStopsMovingOutwards() {
		Motion outside = new Motion(new Vector3(240, 320, 10), new Vector3(3, 4, -1));
		Motion putBack = breached(this.geofence.contain(outside));
		assertThat(putBack.position().north()).isCloseTo(180, within(1e-9));
		assertThat(putBack.position().east()).isCloseTo(240, within(1e-9));
		assertThat(putBack.position().up()).isEqualTo(10);
		assertThat(putBack.velocity()).isEqualTo(new Vector3(0, 0, -1));
	}

	@Test
	void aDroneAboveTheCeilingIsPutBackUnderItAndStopsClimbing() {
		Motion above = new Motion(new Vector3(10, 0, 100.2), new Vector3(3, 0, 0.5));
		assertThat(breached(this.geofence.contain(above)))
			.isEqualTo(new Motion(new Vector3(10, 0, 100), new Vector3(3, 0, 0)));
		Motion sinking = new Motion(new Vector3(10, 0, 100.2), new Vector3(3, 0, -0.5));
		assertThat(breached(this.geofence.contain(sinking)).velocity().up()).isEqualTo(-0.5);
	}

	private static Vector3 allowedVelocity(Geofence.MoveLimit limit) {
		assertThat(limit).isInstanceOf(Geofence.MoveLimit.Within.class);
		return ((Geofence.MoveLimit.Within) limit).velocity();
	}

	private static Motion breached(Geofence.Containment containment) {
		assertThat(containment).isInstanceOf(Geofence.Containment.Breached.class);
		return ((Geofence.Containment.Breached) containment).motion();
	}

}
