package io.dronehub.flight;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Vector3}.
 */
class Vector3Tests {

	private final Vector3 vector = new Vector3(3, 4, 2);

	@Test
	void addsAndSubtractsComponentByComponent() {
		assertThat(this.vector.plus(new Vector3(1, -2, 0.5))).isEqualTo(new Vector3(4, 2, 2.5));
		assertThat(this.vector.minus(new Vector3(1, -2, 0.5))).isEqualTo(new Vector3(2, 6, 1.5));
	}

	@Test
	void scalesEveryComponentOrOnlyTheHorizontalOnes() {
		assertThat(this.vector.scale(0.5)).isEqualTo(new Vector3(1.5, 2, 1));
		assertThat(this.vector.scaleHorizontal(0.5)).isEqualTo(new Vector3(1.5, 2, 2));
	}

	@Test
	void replacesTheVerticalComponent() {
		assertThat(this.vector.withUp(-1)).isEqualTo(new Vector3(3, 4, -1));
	}

	@Test
	void horizontalLengthIgnoresTheVerticalComponent() {
		assertThat(this.vector.horizontalLength()).isEqualTo(5);
		assertThat(new Vector3(0, 0, 7).horizontalLength()).isZero();
	}

}
