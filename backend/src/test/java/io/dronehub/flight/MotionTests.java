package io.dronehub.flight;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link Motion}, stepped by hand at 10 Hz with the default flight limits.
 */
class MotionTests {

	private static final double DT_SECONDS = 0.1;

	private final FlightProperties limits = TestFleet.defaultLimits();

	private final Motion hovering = new Motion(new Vector3(10, 20, 30), Vector3.ZERO);

	@Test
	void horizontalSpeedChangesByAtMostTheAccelerationPerTick() {
		Motion accelerated = this.hovering.accelerateTowards(new Vector3(30, 40, 0), this.limits, DT_SECONDS);
		double maxChange = this.limits.horizontalAcceleration() * DT_SECONDS;
		assertThat(accelerated.velocity().north()).isCloseTo(maxChange * 0.6, within(1e-12));
		assertThat(accelerated.velocity().east()).isCloseTo(maxChange * 0.8, within(1e-12));
		assertThat(accelerated.groundSpeed()).isCloseTo(maxChange, within(1e-12));
	}

	@Test
	void aSmallChangeIsReachedInOneTick() {
		Vector3 desired = new Vector3(0.1, -0.1, 0.2);
		assertThat(this.hovering.accelerateTowards(desired, this.limits, DT_SECONDS).velocity()).isEqualTo(desired);
	}

	@Test
	void verticalSpeedChangesByAtMostTheVerticalAccelerationPerTick() {
		Motion climbing = this.hovering.accelerateTowards(new Vector3(0, 0, 3), this.limits, DT_SECONDS);
		assertThat(climbing.velocity().up()).isCloseTo(this.limits.verticalAcceleration() * DT_SECONDS, within(1e-12));
		Motion descending = this.hovering.accelerateTowards(new Vector3(0, 0, -3), this.limits, DT_SECONDS);
		assertThat(descending.velocity().up()).isCloseTo(-this.limits.verticalAcceleration() * DT_SECONDS,
				within(1e-12));
	}

	@Test
	void speedsStayWithinTheTopSpeedAndTheClimbAndDescentRates() {
		Motion fast = new Motion(Vector3.ZERO, new Vector3(12, 0, 3));
		Motion faster = fast.accelerateTowards(new Vector3(50, 0, 10), this.limits, DT_SECONDS);
		assertThat(faster.groundSpeed()).isCloseTo(this.limits.maxHorizontalSpeed(), within(1e-12));
		assertThat(faster.velocity().up()).isEqualTo(this.limits.maxClimbRate());
		Motion sinking = new Motion(Vector3.ZERO, new Vector3(0, 0, -1.5));
		assertThat(sinking.accelerateTowards(new Vector3(0, 0, -10), this.limits, DT_SECONDS).velocity().up())
			.isEqualTo(-this.limits.maxDescentRate());
	}

	@Test
	void acceleratingLeavesThePositionWhereItIs() {
		Motion accelerated = this.hovering.accelerateTowards(new Vector3(5, 5, 1), this.limits, DT_SECONDS);
		assertThat(accelerated.position()).isEqualTo(this.hovering.position());
	}

	@Test
	void advancingMovesAtTheVelocityForTheTick() {
		Motion moving = new Motion(new Vector3(10, 20, 30), new Vector3(5, -2, 1));
		Motion advanced = moving.advance(DT_SECONDS);
		assertThat(advanced.position().north()).isCloseTo(10.5, within(1e-12));
		assertThat(advanced.position().east()).isCloseTo(19.8, within(1e-12));
		assertThat(advanced.position().up()).isCloseTo(30.1, within(1e-12));
		assertThat(advanced.velocity()).isEqualTo(moving.velocity());
	}

	@Test
	void onTheGroundTheDroneIsAtZeroAndDoesNotSink() {
		Motion belowGround = new Motion(new Vector3(1, 2, -0.05), new Vector3(3, 4, -0.7));
		assertThat(belowGround.onGround()).isEqualTo(new Motion(new Vector3(1, 2, 0), new Vector3(3, 4, 0)));
		Motion bouncing = new Motion(new Vector3(1, 2, -0.05), new Vector3(3, 4, 0.5));
		assertThat(bouncing.onGround().velocity().up()).isEqualTo(0.5);
	}

	@Test
	void stoppingKeepsThePosition() {
		Motion moving = new Motion(new Vector3(1, 2, 3), new Vector3(4, 5, 6));
		assertThat(moving.stopped()).isEqualTo(new Motion(new Vector3(1, 2, 3), Vector3.ZERO));
	}

	@Test
	void slowerThanLooksAtBothTheGroundSpeedAndTheVerticalSpeed() {
		assertThat(new Motion(Vector3.ZERO, new Vector3(0.06, 0.06, 0.05)).slowerThan(0.1)).isTrue();
		assertThat(new Motion(Vector3.ZERO, new Vector3(0.08, 0.08, 0)).slowerThan(0.1)).isFalse();
		assertThat(new Motion(Vector3.ZERO, new Vector3(0, 0, -0.1)).slowerThan(0.1)).isFalse();
	}

}
