package io.dronehub.ops;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.messaging.simp.broker.BrokerAvailabilityEvent;

/**
 * The STOMP message broker's health: {@code UP} while Spring reports it available,
 * {@code DOWN} before it starts, after it stops, or while a broker relay has lost its
 * connection. Thread-safe.
 */
public class BrokerHealthIndicator implements HealthIndicator, ApplicationListener<BrokerAvailabilityEvent> {

	private volatile boolean available;

	@Override
	public void onApplicationEvent(BrokerAvailabilityEvent event) {
		this.available = event.isBrokerAvailable();
	}

	@Override
	public Health health() {
		return (this.available ? Health.up()
				: Health.down().withDetail("reason", "the message broker is not available"))
			.build();
	}

}
