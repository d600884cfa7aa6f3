package io.dronehub.telemetry;

import io.dronehub.flight.Fleet;
import io.dronehub.flight.FleetProperties;
import io.dronehub.flight.SimulationProperties;
import io.dronehub.outbound.DeliveryObserver;
import io.dronehub.outbound.SessionWriters;
import io.dronehub.outbound.WriterSettings;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The telemetry delivery path: the publisher of the simulation's states and events, the
 * latest events kept for late joiners, the fan-out that fills each session's telemetry
 * slots, a writer per session that drains them after Spring's frames, and the interceptor
 * that routes telemetry subscriptions to them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelemetryProperties.class)
class TelemetryConfiguration {

	/**
	 * Closes sessions found too slow, off the threads that detect it: a close can wait.
	 */
	@Bean
	ThreadPoolTaskExecutor sessionCloser() {
		ThreadPoolTaskExecutor closer = new ThreadPoolTaskExecutor();
		closer.setThreadNamePrefix("session-closer-");
		closer.setCorePoolSize(1);
		closer.setMaxPoolSize(1);
		closer.setQueueCapacity(100_000);
		return closer;
	}

	/**
	 * Every session's writer, draining the session's telemetry slots, set by the public
	 * {@code hub.telemetry.*} properties.
	 */
	@Bean
	SessionWriters<TelemetrySlots> sessionWriters(TelemetryProperties telemetry, ThreadPoolTaskExecutor sessionCloser,
			DeliveryObserver deliveries) {
		WriterSettings settings = new WriterSettings(telemetry.batchFrames(), telemetry.stallTimeout(),
				telemetry.maxPendingFrames());
		return new SessionWriters<>(TelemetrySlots::new, settings, sessionCloser, deliveries);
	}

	@Bean
	TelemetryPublisher telemetryPublisher(TelemetryFanout fanout, SimpMessagingTemplate messaging) {
		return new TelemetryPublisher(fanout, messaging);
	}

	@Bean
	RecentEvents recentEvents() {
		return new RecentEvents();
	}

	@Bean
	TelemetryFanout telemetryFanout(SessionWriters<TelemetrySlots> writers, JsonMapper json, FleetProperties fleet) {
		return new TelemetryFanout(writers, json, Fleet.ids(fleet));
	}

	@Bean
	TelemetrySubscriptionInterceptor telemetrySubscriptionInterceptor(SessionWriters<TelemetrySlots> writers,
			SimulationProperties simulation) {
		return new TelemetrySubscriptionInterceptor(writers, simulation.rateHz());
	}

	/** Refuses a telemetry subscription whose rate the hub cannot keep. */
	@Bean
	TelemetryRateCheck telemetryRateCheck(SimulationProperties simulation) {
		return new TelemetryRateCheck(simulation.rateHz());
	}

}
