package io.dronehub.flight;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link Guidance} with the default flight limits.
 */
class GuidanceTests {

	private static final double DT_SECONDS = 0.1;

	private final FlightProperties limits = TestFleet.defaultLimits();

	private final Guidance guidance = new Guidance(this.limits);

	private final Vector3 hoverPoint = new Vector3(0, 0, 10);

	@Test
	void farFromTheTargetTheDroneCruisesStraightAtIt() {
		Vector3 velocity = this.guidance.towards(this.hoverPoint, new Vector3(300, 400, 10),
				this.limits.maxClimbRate());
		assertThat(velocity.north()).isCloseTo(this.limits.cruiseSpeed() * 0.6, within(1e-12));
		assertThat(velocity.east()).isCloseTo(this.limits.cruiseSpeed() * 0.8, within(1e-12));
		assertThat(velocity.up()).isZero();
	}

	@Test
	void nearTheTargetTheSpeedAllowsBrakingToAStop() {
		double distance = 2;
		Vector3 velocity = this.guidance.towards(this.hoverPoint, new Vector3(distance, 0, 10),
				this.limits.maxClimbRate());
		assertThat(velocity.north()).isCloseTo(
				Math.min(Math.sqrt(2 * this.limits.horizontalAcceleration() * distance), distance), within(1e-12));
		Vector3 closeIn = this.guidance.towards(this.hoverPoint, new Vector3(0.1, 0, 10), this.limits.maxClimbRate());
		assertThat(closeIn.north()).as("proportional close in").isCloseTo(0.1, within(1e-12));
	}

	@Test
	void climbsAtTheGivenRateAndDescendsAtTheDescentRate() {
		assertThat(this.guidance.towards(this.hoverPoint, new Vector3(0, 0, 30), this.limits.takeoffClimbRate()))
			.isEqualTo(new Vector3(0, 0, this.limits.takeoffClimbRate()));
		assertThat(this.guidance.towards(this.hoverPoint, new Vector3(0, 0, 30), this.limits.maxClimbRate()))
			.isEqualTo(new Vector3(0, 0, this.limits.maxClimbRate()));
		assertThat(this.guidance.towards(this.hoverPoint, new Vector3(0, 0, 1), this.limits.maxClimbRate()))
			.isEqualTo(new Vector3(0, 0, -this.limits.maxDescentRate()));
	}

	@Test
	void aDescentIsFastHighUpAndAtTheLandingRateLow() {
		Vector3 high = this.guidance.descentTowards(new Vector3(0, 0, 40), Vector3.ZERO);
		assertThat(high).isEqualTo(new Vector3(0, 0, -this.limits.maxDescentRate()));
		Vector3 low = this.guidance.descentTowards(new Vector3(0, 0, 5), Vector3.ZERO);
		assertThat(low).isEqualTo(new Vector3(0, 0, -this.limits.landingDescentRate()));
	}

	@Test
	void aDescentDriftsBackOverItsSpot() {
		Vector3 velocity = this.guidance.descentTowards(new Vector3(-0.5, 0, 5), Vector3.ZERO);
		assertThat(velocity.north()).isCloseTo(0.5, within(1e-12));
		assertThat(velocity.up()).isEqualTo(-this.limits.landingDescentRate());
	}

	@Test
	void arrivingMeansCloseAndSettled() {
		Vector3 target = new Vector3(100, 0, 10);
		Motion near = new Motion(new Vector3(99.8, 0, 10.05), new Vector3(0.2, 0, 0));
		assertThat(this.guidance.arrived(near, target)).isTrue();
		Motion tooFast = new Motion(near.position(), new Vector3(0.4, 0, 0));
		assertThat(this.guidance.arrived(tooFast, target)).isFalse();
		Motion tooLow = new Motion(new Vector3(100, 0, 9.8), Vector3.ZERO);
		assertThat(this.guidance.arrived(tooLow, target)).isFalse();
		Motion tooFar = new Motion(new Vector3(99.6, 0, 10), Vector3.ZERO);
		assertThat(this.guidance.arrived(tooFar, target)).isFalse();
	}

	@Test
	void aBrakingDroneIsAtRestBelowATenthOfAMetrePerSecond() {
		assertThat(this.guidance.atRest(new Motion(this.hoverPoint, new Vector3(0.05, 0, 0.05)))).isTrue();
		assertThat(this.guidance.atRest(new Motion(this.hoverPoint, new Vector3(0.2, 0, 0)))).isFalse();
	}

	@Test
	void turnsTowardsATargetTheShortWayAtTheYawRate() {
		double maxTurn = this.limits.maxYawRate() * DT_SECONDS;
		Vector3 northEast = new Vector3(100, 100, 10);
		assertThat(this.guidance.turnedTowards(0, this.hoverPoint, northEast, DT_SECONDS)).isCloseTo(maxTurn,
				within(1e-9));
		assertThat(this.guidance.turnedTowards(44, this.hoverPoint, northEast, DT_SECONDS)).isCloseTo(45, within(1e-9));
		Vector3 northWest = new Vector3(100, -100, 10);
		assertThat(this.guidance.turnedTowards(2, this.hoverPoint, northWest, DT_SECONDS)).isCloseTo(360 + 2 - maxTurn,
				within(1e-9));
	}

	@Test
	void withinAMetreOfTheTargetTheHeadingStays() {
		assertThat(this.guidance.turnedTowards(123, this.hoverPoint, new Vector3(0.5, 0.5, 10), DT_SECONDS))
			.isEqualTo(123);
	}

	@Test
	void aReturnClimbsUntilTheReturnAltitudeThenCruisesAtIt() {
		ReturnLeg climb = new ReturnLeg.Climb();
		Motion belowReturnAltitude = new Motion(new Vector3(50, 0, 10), Vector3.ZERO);
		assertThat(this.guidance.returnLeg(climb, belowReturnAltitude)).isEqualTo(climb);
		assertThat(this.guidance.returnVelocity(climb, belowReturnAltitude.position()))
			.isEqualTo(new Vector3(0, 0, this.limits.maxClimbRate()));
		Motion atReturnAltitude = new Motion(new Vector3(50, 0, this.limits.returnAltitude() - 0.05), Vector3.ZERO);
		assertThat(this.guidance.returnLeg(climb, atReturnAltitude))
			.isEqualTo(new ReturnLeg.Cruise(this.limits.returnAltitude()));
	}

	@Test
	void aReturnFromHigherUpCruisesAtTheAltitudeItIsAt() {
		Motion high = new Motion(new Vector3(50, 0, 40), Vector3.ZERO);
		ReturnLeg leg = this.guidance.returnLeg(new ReturnLeg.Climb(), high);
		assertThat(leg).isEqualTo(new ReturnLeg.Cruise(40));
		Vector3 velocity = this.guidance.returnVelocity(leg, high.position());
		assertThat(velocity.north()).isCloseTo(-this.limits.cruiseSpeed(), within(1e-12));
		assertThat(velocity.up()).isZero();
	}

	@Test
	void aReturnDescendsOnceOverHomeAndSlow() {
		ReturnLeg cruise = new ReturnLeg.Cruise(15);
		Motion overHomeMoving = new Motion(new Vector3(0.5, 0, 15), new Vector3(1, 0, 0));
		assertThat(this.guidance.returnLeg(cruise, overHomeMoving)).isEqualTo(cruise);
		Motion overHomeSlow = new Motion(new Vector3(0.5, 0, 15), new Vector3(0.2, 0, 0));
		ReturnLeg descend = this.guidance.returnLeg(cruise, overHomeSlow);
		assertThat(descend).isEqualTo(new ReturnLeg.Descend());
		assertThat(this.guidance.returnVelocity(descend, new Vector3(0, 0, 15)))
			.isEqualTo(new Vector3(0, 0, -this.limits.maxDescentRate()));
	}

	@Test
	void aReturnStartedOverHomeAtTheReturnAltitudeDescendsAtOnce() {
		Motion overHome = new Motion(new Vector3(0, 0, this.limits.returnAltitude()), Vector3.ZERO);
		assertThat(this.guidance.returnLeg(new ReturnLeg.Climb(), overHome)).isEqualTo(new ReturnLeg.Descend());
	}

	@Test
	void aMoveIsLimitedToTheTopSpeedAndRates() {
		MoveSetpoint limited = this.guidance.limit(new MoveSetpoint(30, 40, 50, -1000));
		double scale = this.limits.maxHorizontalSpeed() / 50;
		assertThat(limited.forward()).isCloseTo(30 * scale, within(1e-12));
		assertThat(limited.right()).isCloseTo(40 * scale, within(1e-12));
		assertThat(limited.up()).isEqualTo(this.limits.maxClimbRate());
		assertThat(limited.yawRate()).isEqualTo(-this.limits.maxYawRate());
		assertThat(this.guidance.limit(new MoveSetpoint(0, 0, -50, 0)).up()).isEqualTo(-this.limits.maxDescentRate());
		MoveSetpoint gentle = new MoveSetpoint(3, -2, 1, 10);
		assertThat(this.guidance.limit(gentle)).isEqualTo(gentle);
	}

	@Test
	void aMoveIsFlownInTheDronesFrame() {
		Vector3 facingEast = this.guidance.manualVelocity(new MoveSetpoint(2, 1, 0.5, 0), 90);
		assertThat(facingEast.north()).as("right of an east-facing nose is south").isCloseTo(-1, within(1e-12));
		assertThat(facingEast.east()).isCloseTo(2, within(1e-12));
		assertThat(facingEast.up()).isEqualTo(0.5);
	}

	@Test
	void aMoveYawsAtItsRateAndTheHeadingWrapsAround() {
		MoveSetpoint yawingLeft = new MoveSetpoint(0, 0, 0, -30);
		assertThat(this.guidance.manualHeading(yawingLeft, 1, DT_SECONDS)).isCloseTo(358, within(1e-9));
		MoveSetpoint yawingRight = new MoveSetpoint(0, 0, 0, 30);
		assertThat(this.guidance.manualHeading(yawingRight, 359, DT_SECONDS)).isCloseTo(2, within(1e-9));
	}

	@Test
	void hopsFollowTheNose() {
		double facingEast = 90;
		assertThat(this.guidance.hop(Direction.UP, 5, facingEast)).isEqualTo(new Vector3(0, 0, 5));
		assertThat(this.guidance.hop(Direction.DOWN, 5, facingEast)).isEqualTo(new Vector3(0, 0, -5));
		assertHop(Direction.FORWARD, facingEast, 0, 5);
		assertHop(Direction.BACK, facingEast, 0, -5);
		assertHop(Direction.RIGHT, facingEast, -5, 0);
		assertHop(Direction.LEFT, facingEast, 5, 0);
	}

	private void assertHop(Direction direction, double headingDegrees, double north, double east) {
		Vector3 hop = this.guidance.hop(direction, 5, headingDegrees);
		assertThat(hop.north()).as(direction + " north").isCloseTo(north, within(1e-12));
		assertThat(hop.east()).as(direction + " east").isCloseTo(east, within(1e-12));
		assertThat(hop.up()).as(direction + " up").isZero();
	}

}
