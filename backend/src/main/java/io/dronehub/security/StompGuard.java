package io.dronehub.security;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.dronehub.audit.AuditLog;
import io.dronehub.audit.AuditLog.LoginResult;
import io.dronehub.contract.ErrorCode;
import io.dronehub.contract.ErrorMessage;
import io.dronehub.contract.Role;
import io.dronehub.contract.SubscribeCheck;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The first interceptor on the inbound channel: authenticates the CONNECT frame (its
 * {@code login} and {@code passcode}, or an {@code Authorization: Bearer} token when an
 * identity provider is configured), and holds every later frame to the session's
 * authorisation, command rate and subscription limit, and each SUBSCRIBE to the
 * {@link SubscribeCheck}s of the hub's features.
 * <p>
 * It never throws. A refused CONNECT gets a STOMP ERROR frame and the connection closes,
 * as STOMP prescribes; any other refused frame is dropped and answered on the sender's
 * {@code /user/queue/errors}, and the session stays open. (Spring delivers a session's
 * frames in order through a decorator that only logs what an interceptor throws, so
 * throwing would leave the client without an answer.) Spring Security's own authorisation
 * interceptor still runs after this one, as a backstop, with the same rules.
 */
public class StompGuard implements ChannelInterceptor {

	private static final Log logger = LogFactory.getLog(StompGuard.class);

	private static final String BEARER = "Bearer ";

	private final AuthenticationManager authentication;

	private final AuthorizationManager<Message<?>> authorization;

	private final ClientSessions sessions;

	private final boolean anonymousObservers;

	private final SessionCloser closer;

	private final TokenExpiry tokens;

	private final SessionErrors errors;

	private final RateLimitNotices rateLimitNotices;

	private final List<SubscribeCheck> subscribeChecks;

	private final AuditLog audit;

	StompGuard(AuthenticationManager authentication, AuthorizationManager<Message<?>> authorization,
			ClientSessions sessions, boolean anonymousObservers, SessionCloser closer, TokenExpiry tokens,
			SessionErrors errors, RateLimitNotices rateLimitNotices, List<SubscribeCheck> subscribeChecks,
			AuditLog audit) {
		this.authentication = authentication;
		this.audit = audit;
		this.authorization = authorization;
		this.sessions = sessions;
		this.anonymousObservers = anonymousObservers;
		this.closer = closer;
		this.tokens = tokens;
		this.errors = errors;
		this.rateLimitNotices = rateLimitNotices;
		this.subscribeChecks = List.copyOf(subscribeChecks);
	}

	@Override
	public @Nullable Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (stomp == null || stomp.getCommand() == null || stomp.getSessionId() == null) {
			return message;
		}
		return switch (stomp.getCommand()) {
			case CONNECT, STOMP -> connect(message, stomp);
			case SEND ->
				this.sessions.tryCommand(stomp.getSessionId()) ? authorize(message, stomp) : rateLimited(stomp);
			case SUBSCRIBE -> subscribe(message, stomp);
			case UNSUBSCRIBE -> {
				if (stomp.getSubscriptionId() != null) {
					this.sessions.unsubscribed(stomp.getSessionId(), stomp.getSubscriptionId());
				}
				yield message;
			}
			default -> message;
		};
	}

	private @Nullable Message<?> connect(Message<?> message, StompHeaderAccessor stomp) {
		Authentication user;
		String login = stomp.getLogin();
		String address = address(stomp);
		String bearer = bearer(stomp);
		if (bearer != null) {
			try {
				user = this.authentication.authenticate(new BearerTokenAuthenticationToken(bearer));
			}
			catch (ProviderNotFoundException ex) {
				return refuseConnect(stomp, "this hub takes no tokens (it has no identity provider): "
						+ "send the login and passcode headers");
			}
			catch (AuthenticationException ex) {
				this.audit.login(LoginResult.FAILURE, "-", address, stomp.getSessionId());
				return refuseConnect(stomp, "invalid token: " + ex.getMessage());
			}
			this.audit.login(LoginResult.SUCCESS, user.getName(), address, stomp.getSessionId());
		}
		else if (login == null) {
			if (!this.anonymousObservers) {
				return refuseConnect(stomp, "login required: send the login and passcode headers");
			}
			user = observer(stomp.getUser());
		}
		else {
			UsernamePasswordAuthenticationToken password = UsernamePasswordAuthenticationToken.unauthenticated(login,
					stomp.getPasscode());
			password.setDetails(address);
			try {
				user = this.authentication.authenticate(password);
			}
			catch (LoginThrottled ex) {
				this.audit.login(LoginResult.THROTTLED, login, address, stomp.getSessionId());
				return refuseConnect(stomp, ex.getMessage());
			}
			catch (AuthenticationException ex) {
				this.audit.login(LoginResult.FAILURE, login, address, stomp.getSessionId());
				return refuseConnect(stomp, "invalid login or passcode");
			}
			this.audit.login(LoginResult.SUCCESS, login, address, stomp.getSessionId());
		}
		String refusal = this.sessions.open(stomp.getSessionId(), user.getName(), Role.highestOf(user.getAuthorities()),
				address);
		if (refusal != null) {
			return refuseConnect(stomp, refusal);
		}
		if (user instanceof JwtAuthenticationToken token && token.getToken().getExpiresAt() != null) {
			this.tokens.watch(stomp.getSessionId(), token.getToken().getExpiresAt());
		}
		stomp.setUser(user);
		return message;
	}

	private @Nullable Message<?> subscribe(Message<?> message, StompHeaderAccessor stomp) {
		Message<?> authorized = authorize(message, stomp);
		if (authorized == null) {
			return null;
		}
		Subscribable destination = (stomp.getDestination() != null) ? Subscribable.of(stomp.getDestination()) : null;
		if (destination == null || stomp.getSubscriptionId() == null) {
			return refuse(stomp, ErrorCode.FORBIDDEN, "not allowed to subscribe to " + stomp.getDestination());
		}
		for (SubscribeCheck check : this.subscribeChecks) {
			ErrorMessage refusal = check.check(stomp);
			if (refusal != null) {
				return refuse(stomp, refusal.error(), refusal.message());
			}
		}
		if (!this.sessions.trySubscribe(stomp.getSessionId(), stomp.getSubscriptionId(), destination)) {
			return refuse(stomp, ErrorCode.LIMIT_EXCEEDED,
					"too many subscriptions: " + stomp.getDestination() + " refused");
		}
		return authorized;
	}

	private @Nullable Message<?> authorize(Message<?> message, StompHeaderAccessor stomp) {
		Principal user = stomp.getUser();
		AuthorizationResult result = (user instanceof Authentication authenticated)
				? this.authorization.authorize(() -> authenticated, message) : null;
		if (result != null && result.isGranted()) {
			return message;
		}
		String action = (stomp.getCommand() == StompCommand.SUBSCRIBE) ? "subscribe to " : "send to ";
		return refuse(stomp, ErrorCode.FORBIDDEN, "not allowed to " + action + stomp.getDestination());
	}

	private @Nullable Message<?> rateLimited(StompHeaderAccessor stomp) {
		Principal user = stomp.getUser();
		if (user != null) {
			this.rateLimitNotices.dropped(user.getName(), stomp.getSessionId());
		}
		return null;
	}

	private @Nullable Message<?> refuse(StompHeaderAccessor stomp, ErrorCode code, String reason) {
		Principal user = stomp.getUser();
		if (user == null) {
			logger.debug("Dropped a frame of unauthenticated session " + stomp.getSessionId() + ": " + reason);
			return null;
		}
		this.errors.send(user.getName(), stomp.getSessionId(), new ErrorMessage(code, reason));
		return null;
	}

	private @Nullable Message<?> refuseConnect(StompHeaderAccessor stomp, String reason) {
		this.closer.close(stomp.getSessionId(), reason);
		return null;
	}

	/**
	 * The token of the frame's {@code Authorization: Bearer} header, matched without
	 * regard to case as in HTTP.
	 */
	private static @Nullable String bearer(StompHeaderAccessor stomp) {
		Map<String, List<String>> headers = stomp.toNativeHeaderMap();
		for (Map.Entry<String, List<String>> header : headers.entrySet()) {
			if (header.getKey().equalsIgnoreCase("authorization") && !header.getValue().isEmpty()) {
				String value = header.getValue().get(0).strip();
				return value.regionMatches(true, 0, BEARER, 0, BEARER.length())
						? value.substring(BEARER.length()).strip() : value;
			}
		}
		return null;
	}

	private static Authentication observer(@Nullable Principal guest) {
		String name = (guest != null) ? guest.getName() : "guest";
		return UsernamePasswordAuthenticationToken.authenticated(name, null, List.of(Role.OBSERVER.authority()));
	}

	private static String address(StompHeaderAccessor stomp) {
		Map<String, Object> attributes = stomp.getSessionAttributes();
		Object address = (attributes != null) ? attributes.get(ClientAddressInterceptor.ADDRESS_ATTRIBUTE) : null;
		return (address != null) ? address.toString() : "unknown";
	}

}
