package io.dronehub.telemetry;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The telemetry delivery path: an outbox per session, the fan-out that fills them, and
 * the interceptor that routes telemetry subscriptions to it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelemetryProperties.class)
class TelemetryConfiguration {

	/**
	 * Closes sessions found too slow, off the threads that detect it: a close can wait.
	 */
	@Bean
	ThreadPoolTaskExecutor outboxCloser() {
		ThreadPoolTaskExecutor closer = new ThreadPoolTaskExecutor();
		closer.setThreadNamePrefix("outbox-closer-");
		closer.setCorePoolSize(1);
		closer.setMaxPoolSize(1);
		closer.setQueueCapacity(100_000);
		return closer;
	}

	@Bean
	Outboxes outboxes(TelemetryProperties settings, ThreadPoolTaskExecutor outboxCloser, DeliveryObserver deliveries) {
		return new Outboxes(settings, outboxCloser, deliveries);
	}

	@Bean
	TelemetryFanout telemetryFanout(Outboxes outboxes, JsonMapper json) {
		return new TelemetryFanout(outboxes, json);
	}

	@Bean
	TelemetrySubscriptionInterceptor telemetrySubscriptionInterceptor(Outboxes outboxes) {
		return new TelemetrySubscriptionInterceptor(outboxes);
	}

}
