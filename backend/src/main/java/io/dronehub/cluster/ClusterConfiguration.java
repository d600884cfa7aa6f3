package io.dronehub.cluster;

import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.StringUtils;

/**
 * A node of a cluster, when {@code hub.cluster.enabled} is {@code true}: its id, its link
 * to the broker and the link's health contributor ({@code cluster}), the relay of
 * telemetry and events between the nodes, the drone leases in the shared database and the
 * ownership that decides which drones this node simulates.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("hub.cluster.enabled")
class ClusterConfiguration {

	@Bean
	ClusterNode clusterNode(ClusterProperties settings) {
		String id = settings.nodeId();
		return new ClusterNode(StringUtils.hasText(id) ? id : UUID.randomUUID().toString().substring(0, 8));
	}

	@Bean
	BrokerLink brokerLink(ClusterProperties settings, @Qualifier("messageBrokerTaskScheduler") TaskScheduler scheduler,
			MeterRegistry meters) {
		return new BrokerLink(settings, scheduler, meters);
	}

	@Bean
	ClusterHealthIndicator clusterHealthIndicator(ClusterNode node, ClusterProperties settings, BrokerLink link) {
		ClusterHealthIndicator health = new ClusterHealthIndicator(node, settings.broker(), link);
		link.addListener(health);
		return health;
	}

}
