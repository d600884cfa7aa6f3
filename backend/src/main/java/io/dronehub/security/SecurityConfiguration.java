package io.dronehub.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.dronehub.audit.AuditLog;
import io.dronehub.contract.Role;
import io.dronehub.contract.SubscribeCheck;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.ObservationAuthorizationManager;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.messaging.access.intercept.AuthorizationChannelInterceptor;
import org.springframework.security.messaging.access.intercept.MessageMatcherDelegatingAuthorizationManager;
import org.springframework.security.messaging.context.AuthenticationPrincipalArgumentResolver;
import org.springframework.security.messaging.context.SecurityContextChannelInterceptor;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * Spring Security for the hub: users from configuration, who may send and subscribe to
 * what over STOMP, and HTTP basic for the REST API when anonymous observers are off.
 * <p>
 * The STOMP side is built here from Spring Security's messaging components, as its
 * reference documentation shows for doing without {@code @EnableWebSocketSecurity}, and
 * registered by the hub's one WebSocket configurer, which puts every inbound interceptor
 * in one explicit order. That annotation registers its interceptors through a configurer
 * of its own, so the {@link StompGuard} could precede them only by an {@code @Order}
 * against it, and it checks a CSRF token in every CONNECT frame. That check defends a
 * cookie-authenticated session against a cross-site page; here credentials travel in the
 * CONNECT frame itself, which another site cannot read or forge, and cross-site WebSocket
 * connections are refused by the origin check of the endpoint, so there is no CSRF
 * interceptor.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

	private static final String[] READABLE = Arrays.stream(Subscribable.values())
		.map(Subscribable::pattern)
		.toArray(String[]::new);

	@Bean
	UserDetailsService hubUsers(SecurityProperties security) {
		return HubUsers.from(security.users());
	}

	/**
	 * Checks the passwords of the configured users, throttled, for STOMP and HTTP basic
	 * and, when an identity provider is set
	 * ({@code spring.security.oauth2.resourceserver.jwt.*}, for which Spring Boot makes
	 * the {@link JwtDecoder}), the tokens it signed.
	 */
	@Bean
	AuthenticationManager hubAuthenticationManager(UserDetailsService users, ObjectProvider<JwtDecoder> tokens,
			SecurityProperties security, Clock clock, MeterRegistry meters) {
		List<AuthenticationProvider> providers = new ArrayList<>();
		providers.add(new ThrottledPasswords(new DaoAuthenticationProvider(users),
				new LoginThrottle(security.logins(), clock, meters)));
		tokens.ifAvailable((decoder) -> {
			JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
			provider.setJwtAuthenticationConverter(new JwtUsers(security.jwt()));
			providers.add(provider);
		});
		return new ProviderManager(providers);
	}

	/**
	 * Holds tokens to {@code hub.security.jwt.audience}, beside the signature, time and
	 * issuer checks of Spring Boot's decoder, which takes validators from beans like
	 * this.
	 */
	@Bean
	@ConditionalOnExpression("'${hub.security.jwt.audience:}' != ''")
	OAuth2TokenValidator<Jwt> hubAudience(SecurityProperties security) {
		String audience = security.jwt().audience();
		return new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
				(claim) -> claim != null && claim.contains(audience));
	}

	/**
	 * The rules for every inbound STOMP frame: pilots and admins may send commands;
	 * everyone connected may replay recorded flights, which they may read over HTTP too,
	 * and subscribe to the published topics and to their own queues; nothing else.
	 */
	@Bean
	AuthorizationManager<Message<?>> messageAuthorizationManager() {
		return MessageMatcherDelegatingAuthorizationManager.builder()
			.simpTypeMatchers(SimpMessageType.CONNECT, SimpMessageType.HEARTBEAT, SimpMessageType.UNSUBSCRIBE,
					SimpMessageType.DISCONNECT)
			.permitAll()
			.simpMessageDestMatchers("/app/command", "/app/control", "/app/mission")
			.hasAnyRole(Role.PILOT.name(), Role.ADMIN.name())
			.simpMessageDestMatchers("/app/replay")
			.hasAnyRole(Role.OBSERVER.name(), Role.PILOT.name(), Role.ADMIN.name())
			.simpSubscribeDestMatchers(READABLE)
			.hasAnyRole(Role.OBSERVER.name(), Role.PILOT.name(), Role.ADMIN.name())
			.anyMessage()
			.denyAll()
			.build();
	}

	/**
	 * Holds each inbound frame's user in the {@code SecurityContextHolder} while the
	 * frame is handled.
	 */
	@Bean
	SecurityContextChannelInterceptor securityContextChannelInterceptor() {
		return new SecurityContextChannelInterceptor();
	}

	/**
	 * Spring Security's check of every inbound frame against the
	 * {@link #messageAuthorizationManager rules}, a backstop behind the
	 * {@link StompGuard}: observed ({@code spring.security.authorizations}) and published
	 * as authorization events, as {@code @EnableWebSocketSecurity} did.
	 */
	@Bean
	AuthorizationChannelInterceptor authorizationChannelInterceptor(
			AuthorizationManager<Message<?>> messageAuthorizationManager,
			ObjectProvider<ObservationRegistry> observations, ApplicationEventPublisher events) {
		ObservationRegistry registry = observations.getIfUnique(() -> ObservationRegistry.NOOP);
		AuthorizationChannelInterceptor authorization = new AuthorizationChannelInterceptor(
				registry.isNoop() ? messageAuthorizationManager
						: new ObservationAuthorizationManager<>(registry, messageAuthorizationManager));
		authorization.setAuthorizationEventPublisher(new SpringAuthorizationEventPublisher(events));
		return authorization;
	}

	/**
	 * Resolves {@code @AuthenticationPrincipal} arguments of {@code @MessageMapping}
	 * methods.
	 */
	@Bean
	AuthenticationPrincipalArgumentResolver authenticationPrincipalArgumentResolver() {
		return new AuthenticationPrincipalArgumentResolver();
	}

	@Bean
	FrameSizeLimit frameSizeLimit(SecurityProperties security) {
		return new FrameSizeLimit(security.limits().frameSize(), security.limits().stompFrameSize());
	}

	/**
	 * Sizes the container's WebSocket message buffers to the frame-size limit. Spring's
	 * STOMP handler takes only whole messages, so this buffer decides the largest frame:
	 * a larger one closes the connection with status 1009 (message too big). Spring
	 * raises each session's text limit when the session starts and {@link FrameSizeLimit}
	 * puts it back; sizing the container alike means the buffer allocated with the
	 * connection is the one it keeps.
	 */
	@Bean
	ServletServerContainerFactoryBean webSocketContainer(FrameSizeLimit frameSizeLimit) {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(frameSizeLimit.bytes());
		container.setMaxBinaryMessageBufferSize(frameSizeLimit.bytes());
		return container;
	}

	@Bean
	ClientSessions clientSessions(SecurityProperties security) {
		return new ClientSessions(security.limits());
	}

	@Bean
	ApplicationListener<SessionDisconnectEvent> clientSessionCleanup(ClientSessions sessions, TokenExpiry tokens,
			AuditLog audit) {
		return (event) -> {
			sessions.close(event.getSessionId(), event.getCloseStatus());
			tokens.forget(event.getSessionId());
			audit.closed(event.getSessionId());
		};
	}

	@Bean
	SessionCloser stompSessionCloser(@Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutbound) {
		return new SessionCloser(clientOutbound);
	}

	@Bean
	TokenExpiry tokenExpiry(SessionCloser closer,
			@Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler scheduler, Clock clock) {
		return new TokenExpiry(closer, scheduler, clock);
	}

	@Bean
	StompGuard stompGuard(AuthenticationManager hubAuthenticationManager,
			AuthorizationManager<Message<?>> messageAuthorizationManager, ClientSessions sessions,
			SecurityProperties security, SessionCloser closer, TokenExpiry tokens,
			@Lazy SimpMessagingTemplate messaging,
			@Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler scheduler,
			ObjectProvider<SubscribeCheck> subscribeChecks, AuditLog audit) {
		SessionErrors errors = new SessionErrors(messaging);
		return new StompGuard(hubAuthenticationManager, messageAuthorizationManager, sessions,
				security.anonymousObservers(), closer, tokens, errors,
				new RateLimitNotices(errors, scheduler, security.limits()), subscribeChecks.orderedStream().toList(),
				audit);
	}

	@Bean
	AuditLog auditLog() {
		return new AuditLog();
	}

	/**
	 * The handshake limit, as the first filter of the WebSocket endpoints (STOMP and
	 * Foxglove): after the container's reading of forwarded headers, before Spring
	 * Security.
	 */
	@Bean
	FilterRegistrationBean<HandshakeRateLimit> handshakeRateLimit(SecurityProperties security,
			@Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler scheduler, MeterRegistry meters) {
		FilterRegistrationBean<HandshakeRateLimit> registration = new FilterRegistrationBean<>(
				new HandshakeRateLimit(security.limits(), System::nanoTime, scheduler, meters));
		registration.addUrlPatterns("/ws", "/foxglove");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.setAsyncSupported(true);
		return registration;
	}

	@Bean
	ClientAddressInterceptor clientAddressInterceptor() {
		return new ClientAddressInterceptor();
	}

	/**
	 * HTTP is stateless here (HTTP basic, no cookie, no CORS), so there is nothing for
	 * CSRF protection to protect: the one writing request, {@code DELETE} of a recorded
	 * flight, cannot be sent cross-origin without a preflight that the hub refuses. With
	 * it on, every WebSocket handshake would create an HTTP session just to hold a token
	 * that nothing checks. Actuator's health (with its probe groups) and info are public;
	 * its other endpoints, and deleting flights, are for admins. With an identity
	 * provider, requests may carry its tokens as {@code Authorization: Bearer} instead.
	 */
	@Bean
	SecurityFilterChain httpSecurity(HttpSecurity http, SecurityProperties security,
			AuthenticationManager hubAuthenticationManager, ObjectProvider<JwtDecoder> tokens) {
		http.authorizeHttpRequests((requests) -> {
			requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll();
			requests.requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(Role.ADMIN.name());
			requests.requestMatchers(HttpMethod.DELETE, "/api/flights/**").hasRole(Role.ADMIN.name());
			if (!security.anonymousObservers()) {
				requests.requestMatchers("/api/**", "/foxglove").authenticated();
			}
			requests.anyRequest().permitAll();
		})
			.authenticationManager(hubAuthenticationManager)
			.httpBasic((basic) -> basic.authenticationEntryPoint(new LoginEntryPoint()))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		tokens.ifAvailable((decoder) -> http.oauth2ResourceServer((server) -> server
			.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(new JwtUsers(security.jwt())))));
		return http.build();
	}

}
