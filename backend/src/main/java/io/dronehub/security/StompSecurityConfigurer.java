package io.dronehub.security;

import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * Puts the {@link StompGuard} ahead of Spring Security's interceptors on the inbound
 * channel, and caps the size of inbound frames (see {@link FrameSizeLimit}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 99)
class StompSecurityConfigurer implements WebSocketMessageBrokerConfigurer {

	private final StompGuard guard;

	private final SecurityProperties security;

	StompSecurityConfigurer(@Lazy StompGuard guard, SecurityProperties security) {
		this.guard = guard;
		this.security = security;
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(this.guard);
	}

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		DataSize frameSize = this.security.limits().frameSize();
		registration.setMessageSizeLimit(Math.toIntExact(frameSize.toBytes()))
			.addDecoratorFactory(new FrameSizeLimit(frameSize));
	}

}
