package io.dronehub.foxglove;

import io.dronehub.security.SecurityProperties;
import io.dronehub.telemetry.TelemetryProperties;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * The Foxglove WebSocket protocol at {@code /foxglove}, beside STOMP at {@code /ws}: both
 * subprotocol names, the one the client offers answered; the same allowed origins as
 * {@code /ws}; the stall timeout of the STOMP sessions.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class FoxgloveConfiguration implements WebSocketConfigurer {

	private static final String PATH = "/foxglove";

	private static final int MAX_QUEUED = 10_000;

	private static final int MAX_SUBSCRIPTIONS = 1_000;

	private final FoxgloveEndpoint endpoint;

	private final SecurityProperties security;

	FoxgloveConfiguration(FoxgloveBridge bridge, JsonMapper json, TelemetryProperties telemetry,
			SecurityProperties security, MeterRegistry meters) {
		this.endpoint = new FoxgloveEndpoint(bridge, json, telemetry.stallTimeout(), MAX_QUEUED, MAX_SUBSCRIPTIONS,
				FoxgloveMeters.register(meters, bridge), security.limits());
		this.security = security;
	}

	@Bean
	static FoxgloveBridge foxgloveBridge(JsonMapper json) {
		return new FoxgloveBridge(json);
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		DefaultHandshakeHandler handshake = new DefaultHandshakeHandler();
		handshake.setSupportedProtocols("foxglove.websocket.v1", "foxglove.sdk.v1");
		registry.addHandler(this.endpoint, PATH)
			.setHandshakeHandler(handshake)
			.setAllowedOriginPatterns(this.security.allowedOrigins().toArray(String[]::new));
	}

}
