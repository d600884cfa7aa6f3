package io.dronehub.replay;

import java.time.Clock;

import io.dronehub.outbound.SessionWriters;
import io.dronehub.recorder.FlightStore;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * The replays' beans, which read the flight recorder's database: only while
 * {@code hub.recorder.enabled} is not {@code false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplayProperties.class)
@ConditionalOnBooleanProperty(name = "hub.recorder.enabled", matchIfMissing = true)
class ReplayConfiguration {

	@Bean
	FlightReplays flightReplays(ReplayProperties settings, FlightStore store, Clock clock,
			SimpMessagingTemplate messaging, SessionWriters<?> writers, MeterRegistry meters) {
		return new FlightReplays(settings, store, clock, messaging, writers, meters);
	}

	@Bean
	ApplicationListener<SessionDisconnectEvent> replaysOfClosedSessions(FlightReplays replays) {
		return (event) -> replays.sessionClosed(event.getSessionId());
	}

}
