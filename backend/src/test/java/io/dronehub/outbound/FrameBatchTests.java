package io.dronehub.outbound;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrameBatchTests {

	private final FrameBatch batch = new FrameBatch(10);

	@Test
	void aSingleFrameLeavesAsTheStringItWasGiven() {
		String frame = new String("MESSAGE\0");
		this.batch.add(frame);
		assertThat(this.batch.take()).isSameAs(frame);
	}

	@Test
	void severalFramesAreJoinedInOrder() {
		this.batch.add("ab");
		this.batch.add("cd");
		this.batch.add("ef");
		assertThat(this.batch.take()).isEqualTo("abcdef");
	}

	@Test
	void framesFitWhileTheBatchStaysWithinTheLimit() {
		this.batch.add("abcdef");
		assertThat(this.batch.fits("ghij")).isTrue();
		assertThat(this.batch.fits("ghijk")).isFalse();
	}

	@Test
	void aFrameLongerThanTheLimitFitsAnEmptyBatchOnly() {
		String large = "x".repeat(25);
		assertThat(this.batch.fits(large)).isTrue();
		this.batch.add(large);
		assertThat(this.batch.fits("y")).isFalse();
		assertThat(this.batch.take()).isSameAs(large);
	}

	@Test
	void takingEmptiesTheBatch() {
		assertThat(this.batch.take()).isNull();
		this.batch.add("ab");
		this.batch.add("cd");
		this.batch.take();
		assertThat(this.batch.fits("0123456789")).isTrue();
		this.batch.add("ef");
		assertThat(this.batch.take()).isEqualTo("ef");
		assertThat(this.batch.take()).isNull();
	}

}
