package io.dronehub.config;

import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;

import io.dronehub.outbound.SessionWriters;
import io.dronehub.security.ClientAddressInterceptor;
import io.dronehub.security.FrameSizeLimit;
import io.dronehub.security.SecurityProperties;
import io.dronehub.security.StompGuard;
import io.dronehub.telemetry.TelemetrySubscriptionInterceptor;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.simp.user.UserDestinationResolver;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.messaging.access.intercept.AuthorizationChannelInterceptor;
import org.springframework.security.messaging.context.AuthenticationPrincipalArgumentResolver;
import org.springframework.security.messaging.context.SecurityContextChannelInterceptor;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * STOMP over plain WebSocket at {@code /ws}, open to pages of the allowed origins (by
 * default the hub's own): {@code /app} for requests to the hub, a simple broker for
 * {@code /topic} and {@code /queue} with 10 s heart-beats, and telemetry delivered beside
 * it through each session's writer. Frames are handled in the order each session sent
 * them (ACQUIRE before ARM before TAKEOFF) and delivered in the order they were
 * published.
 * <p>
 * The hub's only {@link WebSocketMessageBrokerConfigurer}: every inbound interceptor and
 * every WebSocket handler decorator is registered here, in the order written below.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer, DisposableBean {

	private static final long[] HEARTBEAT_MILLIS = { 10_000, 10_000 };

	private final TaskScheduler heartbeatScheduler;

	private final SecurityProperties security;

	private final ClientAddressInterceptor clientAddress;

	private final StompGuard guard;

	private final SecurityContextChannelInterceptor securityContext;

	private final AuthorizationChannelInterceptor authorization;

	private final AuthenticationPrincipalArgumentResolver authenticationPrincipal;

	private final TelemetrySubscriptionInterceptor telemetrySubscriptions;

	private final FrameSizeLimit frameSizeLimit;

	private final SessionWriters<?> sessionWriters;

	private final ThreadPoolTaskExecutor inbound = channelExecutor("stomp-inbound-");

	private final ThreadPoolTaskExecutor outbound = channelExecutor("stomp-outbound-");

	WebSocketConfiguration(@Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler heartbeatScheduler,
			SecurityProperties security, ClientAddressInterceptor clientAddress, StompGuard guard,
			SecurityContextChannelInterceptor securityContext, AuthorizationChannelInterceptor authorization,
			AuthenticationPrincipalArgumentResolver authenticationPrincipal,
			TelemetrySubscriptionInterceptor telemetrySubscriptions, FrameSizeLimit frameSizeLimit,
			SessionWriters<?> sessionWriters) {
		this.heartbeatScheduler = heartbeatScheduler;
		this.security = security;
		this.clientAddress = clientAddress;
		this.guard = guard;
		this.securityContext = securityContext;
		this.authorization = authorization;
		this.authenticationPrincipal = authenticationPrincipal;
		this.telemetrySubscriptions = telemetrySubscriptions;
		this.frameSizeLimit = frameSizeLimit;
		this.sessionWriters = sessionWriters;
	}

	/**
	 * Both channels get two threads (one per core) and a bounded queue; when it is full
	 * the sending thread runs the task itself, which slows the sender instead of dropping
	 * a frame or growing memory. Per-session order does not depend on it: Spring releases
	 * a session's next frame only when the previous one has been handled.
	 */
	private static ThreadPoolTaskExecutor channelExecutor(String threadNamePrefix) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix(threadNamePrefix);
		executor.setCorePoolSize(2);
		executor.setMaxPoolSize(2);
		executor.setQueueCapacity(10_000);
		executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
		executor.initialize();
		return executor;
	}

	/**
	 * Every inbound frame passes these interceptors, in this order:
	 * <ol>
	 * <li>the {@link StompGuard}: login at CONNECT, then each frame's authorisation,
	 * command rate and subscription limit. It comes first so that it sets the user the
	 * others see, and so that what it refuses is answered on the sender's error queue: a
	 * refusal by an interceptor after it would only be thrown, and logged;
	 * <li>Spring Security's: the frame's user in the {@code SecurityContextHolder} while
	 * the frame is handled, then the same rules again, as a backstop;
	 * <li>the {@link TelemetrySubscriptionInterceptor}, which takes telemetry
	 * subscriptions away from the broker once they have been authorised.
	 * </ol>
	 */
	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.executor(this.inbound)
			.interceptors(this.guard, this.securityContext, this.authorization, this.telemetrySubscriptions);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> argumentResolvers) {
		argumentResolvers.add(this.authenticationPrincipal);
	}

	@Override
	public void configureClientOutboundChannel(ChannelRegistration registration) {
		registration.executor(this.outbound);
	}

	/**
	 * Caps inbound WebSocket messages at {@code hub.security.limits.frame-size} and STOMP
	 * frames, which may come in several of them, at {@code stomp-frame-size}, and
	 * decorates Spring's STOMP handler. Each decorator wraps the handler the ones
	 * registered before it made, so the last is outermost and sees a connection first:
	 * <ol>
	 * <li>the {@link FrameSizeLimit}, innermost, puts the session's buffer back to the
	 * limit once Spring's handler has raised it;
	 * <li>the {@link SessionWriters}, outermost, replace the container's session with its
	 * writer before anything else sees it, so every frame to the session, Spring's and
	 * telemetry, leaves through that writer.
	 * </ol>
	 */
	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		registration.setMessageSizeLimit(this.frameSizeLimit.stompFrameBytes())
			.addDecoratorFactory(this.frameSizeLimit)
			.addDecoratorFactory(this.sessionWriters);
	}

	/**
	 * Refuses permessage-deflate unless {@code hub.telemetry.permessage-deflate} is on:
	 * compressing every small frame per session tripled the hub's CPU per delivery.
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = "hub.telemetry.permessage-deflate", havingValue = false, matchIfMissing = true)
	static FilterRegistrationBean<DeflateRefusingFilter> deflateRefusingFilter() {
		FilterRegistrationBean<DeflateRefusingFilter> registration = new FilterRegistrationBean<>(
				new DeflateRefusingFilter());
		registration.addUrlPatterns("/ws", "/foxglove");
		return registration;
	}

	/**
	 * Wraps Spring's user destination resolver so that a reply meant for one session
	 * never reaches another; see {@link SessionBoundUserDestinations}.
	 */
	@Bean
	static BeanPostProcessor sessionBoundUserDestinations() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof UserDestinationResolver resolver
						&& !(bean instanceof SessionBoundUserDestinations)) ? new SessionBoundUserDestinations(resolver)
								: bean;
			}
		};
	}

	@Override
	public void destroy() {
		this.inbound.shutdown();
		this.outbound.shutdown();
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
