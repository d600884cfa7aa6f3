package io.dronehub.cluster;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The cluster in {@code /actuator/health} as {@code cluster}: {@code UP} while this node
 * is connected to the broker, {@code DOWN} with the reason it last lost it while not.
 * Thread-safe.
 */
class ClusterHealthIndicator implements HealthIndicator, BrokerLinkListener {

	private final ClusterNode node;

	private final String broker;

	private final BrokerLink link;

	private volatile String reason = "not connected yet";

	ClusterHealthIndicator(ClusterNode node, ClusterProperties.Broker broker, BrokerLink link) {
		this.node = node;
		this.broker = broker.host() + ":" + broker.port();
		this.link = link;
	}

	@Override
	public void linkUp() {
	}

	@Override
	public void linkDown(String reason) {
		this.reason = reason;
	}

	@Override
	public Health health() {
		Health.Builder health = this.link.connected() ? Health.up() : Health.down().withDetail("reason", this.reason);
		return health.withDetail("node", this.node.id()).withDetail("broker", this.broker).build();
	}

}
