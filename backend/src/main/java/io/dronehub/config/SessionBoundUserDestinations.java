package io.dronehub.config;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.user.UserDestinationResolver;
import org.springframework.messaging.simp.user.UserDestinationResult;

/**
 * Keeps a message meant for one session to that session. Spring resolves a
 * {@code /user/...} message that names a session (the reply of a
 * {@code @SendToUser(broadcast = false)} handler, an error) to that session while it is
 * connected, but once it has gone, to every session of the same user: the reply to a
 * command sent from a browser tab that has just closed would reach the user's other tabs,
 * and, under load, Spring's per-session ordering fails on such a message shared by many
 * sessions. This resolver resolves it to no session instead.
 */
final class SessionBoundUserDestinations implements UserDestinationResolver {

	private final UserDestinationResolver resolver;

	SessionBoundUserDestinations(UserDestinationResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	public @Nullable UserDestinationResult resolveDestination(Message<?> message) {
		UserDestinationResult result = this.resolver.resolveDestination(message);
		MessageHeaders headers = message.getHeaders();
		String sessionId = SimpMessageHeaderAccessor.getSessionId(headers);
		if (result == null || sessionId == null
				|| SimpMessageHeaderAccessor.getMessageType(headers) != SimpMessageType.MESSAGE
				|| Set.of(sessionId).equals(result.getSessionIds())) {
			return result;
		}
		return new UserDestinationResult(result.getSourceDestination(), Set.of(), result.getSubscribeDestination(),
				result.getUser(), Set.of());
	}

}
