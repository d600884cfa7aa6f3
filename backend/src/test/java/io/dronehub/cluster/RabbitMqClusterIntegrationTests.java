package io.dronehub.cluster;

import org.junit.jupiter.api.BeforeAll;

/**
 * The cluster's scenarios over the RabbitMQ of this machine; skipped, saying so, where
 * its STOMP plugin does not answer.
 */
class RabbitMqClusterIntegrationTests extends ClusterIntegrationTests {

	@BeforeAll
	static void rabbitMqAnswers() {
		LocalRabbitMq.assumeAnswers();
	}

	@Override
	int brokerPort() {
		return LocalRabbitMq.STOMP_PORT;
	}

}
