package io.dronehub.security;

import io.dronehub.contract.Publishes;
import io.dronehub.contract.ErrorMessage;

import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;

/**
 * Sends an {@link ErrorMessage} to one session's {@code /user/queue/errors}.
 */
@Publishes(destination = "/user" + ErrorMessage.QUEUE, payload = ErrorMessage.class,
		description = "Also frames refused before any handler: FORBIDDEN, RATE_LIMITED, LIMIT_EXCEEDED.")
class SessionErrors {

	private final SimpMessagingTemplate messaging;

	SessionErrors(SimpMessagingTemplate messaging) {
		this.messaging = messaging;
	}

	void send(String user, String sessionId, ErrorMessage error) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setSessionId(sessionId);
		headers.setLeaveMutable(true);
		this.messaging.convertAndSendToUser(user, ErrorMessage.QUEUE, error, headers.getMessageHeaders());
	}

}
