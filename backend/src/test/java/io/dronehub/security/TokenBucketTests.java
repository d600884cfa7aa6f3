package io.dronehub.security;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TokenBucket}, on a hand-moved clock.
 */
class TokenBucketTests {

	private final AtomicLong nanos = new AtomicLong();

	private final TokenBucket bucket = new TokenBucket(50, 100, this.nanos::get);

	@Test
	void aFullBucketAllowsTheBurstThenRefuses() {
		for (int i = 0; i < 100; i++) {
			assertThat(this.bucket.tryTake()).isTrue();
		}
		assertThat(this.bucket.tryTake()).isFalse();
	}

	@Test
	void tokensComeBackAtTheRate() {
		while (this.bucket.tryTake()) {
			// empty it
		}
		this.nanos.addAndGet(1_000_000_000L);
		int allowed = 0;
		while (this.bucket.tryTake()) {
			allowed++;
		}
		assertThat(allowed).isEqualTo(50);
	}

	@Test
	void anIdleBucketRefillsOnlyUpToTheBurst() {
		this.nanos.addAndGet(3_600_000_000_000L);
		int allowed = 0;
		while (this.bucket.tryTake()) {
			allowed++;
		}
		assertThat(allowed).isEqualTo(100);
	}

}
