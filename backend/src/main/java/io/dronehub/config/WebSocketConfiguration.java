package io.dronehub.config;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * STOMP over plain WebSocket at {@code /ws}: {@code /app} for requests to the hub, a
 * simple broker for {@code /topic} and {@code /queue} with 10 s heart-beats. Frames are
 * handled in the order each session sent them (ACQUIRE before ARM before TAKEOFF) and
 * delivered in the order they were published.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

	private static final long[] HEARTBEAT_MILLIS = { 10_000, 10_000 };

	private final TaskScheduler heartbeatScheduler;

	WebSocketConfiguration(@Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler heartbeatScheduler) {
		this.heartbeatScheduler = heartbeatScheduler;
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		registry.addEndpoint("/ws").setHandshakeHandler(new GuestHandshakeHandler());
		registry.setPreserveReceiveOrder(true);
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		registry.setApplicationDestinationPrefixes("/app");
		registry.enableSimpleBroker("/topic", "/queue")
			.setHeartbeatValue(HEARTBEAT_MILLIS)
			.setTaskScheduler(this.heartbeatScheduler);
		registry.setPreservePublishOrder(true);
	}

}
