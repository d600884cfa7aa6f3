package io.dronehub.config;

import io.dronehub.security.ClientAddressInterceptor;
import io.dronehub.security.SecurityProperties;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * STOMP over plain WebSocket at {@code /ws}, open to pages of the allowed origins (by
 * default the hub's own): {@code /app} for requests to the hub, a simple broker for
 * {@code /topic} and {@code /queue} with 10 s heart-beats. Frames are handled in the
 * order each session sent them (ACQUIRE before ARM before TAKEOFF) and delivered in the
 * order they were published.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

	private static final long[] HEARTBEAT_MILLIS = { 10_000, 10_000 };

	private final TaskScheduler heartbeatScheduler;

	private final SecurityProperties security;

	private final ClientAddressInterceptor clientAddress;

	WebSocketConfiguration(@Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler heartbeatScheduler,
			SecurityProperties security, ClientAddressInterceptor clientAddress) {
		this.heartbeatScheduler = heartbeatScheduler;
		this.security = security;
		this.clientAddress = clientAddress;
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		registry.addEndpoint("/ws")
			.setHandshakeHandler(new GuestHandshakeHandler())
			.addInterceptors(this.clientAddress)
			.setAllowedOriginPatterns(this.security.allowedOrigins().toArray(String[]::new));
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
