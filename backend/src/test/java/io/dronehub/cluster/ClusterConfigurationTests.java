package io.dronehub.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClusterConfiguration} and {@link ClusterPropertiesConfiguration}.
 */
class ClusterConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
				ValidationAutoConfiguration.class))
		.withUserConfiguration(ClusterPropertiesConfiguration.class, ClusterConfiguration.class)
		.withBean("messageBrokerTaskScheduler", TaskScheduler.class, ClusterConfigurationTests::scheduler)
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("hub.cluster.broker.port=1");

	@Test
	void byDefaultNothingConnectsButTheSettingsAreBound() {
		this.contexts.run((context) -> {
			assertThat(context).doesNotHaveBean(BrokerLink.class).doesNotHaveBean(ClusterNode.class);
			assertThat(context.getBean(ClusterProperties.class).heartbeat()).hasSeconds(1);
		});
	}

	@Test
	void aNodeStartsWhileTheBrokerIsAwayAndReportsItDown() {
		this.contexts.withPropertyValues("hub.cluster.enabled=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ClusterNode.class).id()).matches("[0-9a-f]{8}");
			assertThat(context.getBean(BrokerLink.class).isRunning()).isTrue();
			assertThat(context.getBean(BrokerLink.class).connected()).isFalse();
			assertThat(context.getBean(ClusterHealthIndicator.class).health()).satisfies((health) -> {
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("broker", "127.0.0.1:1")
					.containsEntry("reason", "not connected yet")
					.containsKey("node");
			});
		});
	}

	@Test
	void aConfiguredNodeIdIsKept() {
		this.contexts.withPropertyValues("hub.cluster.enabled=true", "hub.cluster.node-id=n7")
			.run((context) -> assertThat(context.getBean(ClusterNode.class).id()).isEqualTo("n7"));
	}

	@Test
	void aHeartbeatNoShorterThanTheNodeTimeoutStopsTheStart() {
		this.contexts.withPropertyValues("hub.cluster.heartbeat=3s", "hub.cluster.node-timeout=3s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("hub.cluster.node-timeout must be longer than hub.cluster.heartbeat"));
	}

	private static TaskScheduler scheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.initialize();
		return scheduler;
	}

}
