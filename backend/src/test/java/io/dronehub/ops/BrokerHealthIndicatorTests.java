package io.dronehub.ops;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;
import org.springframework.messaging.simp.broker.BrokerAvailabilityEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BrokerHealthIndicator}.
 */
class BrokerHealthIndicatorTests {

	private final BrokerHealthIndicator broker = new BrokerHealthIndicator();

	@Test
	void theBrokerIsDownUntilSpringReportsItAvailable() {
		assertThat(this.broker.health().getStatus()).isEqualTo(Status.DOWN);
		this.broker.onApplicationEvent(new BrokerAvailabilityEvent(true, this));
		assertThat(this.broker.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void theBrokerIsDownWhenSpringReportsItLost() {
		this.broker.onApplicationEvent(new BrokerAvailabilityEvent(true, this));
		this.broker.onApplicationEvent(new BrokerAvailabilityEvent(false, this));
		assertThat(this.broker.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(this.broker.health().getDetails()).containsEntry("reason", "the message broker is not available");
	}

}
