package io.dronehub.security;

import java.nio.charset.StandardCharsets;

import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Ends a STOMP session with an ERROR frame that says why: Spring's STOMP handler closes
 * the WebSocket after sending it, as STOMP prescribes, and the session's disconnect then
 * runs as for any other.
 */
class SessionCloser {

	private final MessageChannel clientOutbound;

	SessionCloser(MessageChannel clientOutbound) {
		this.clientOutbound = clientOutbound;
	}

	void close(String sessionId, String reason) {
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage(reason);
		error.setSessionId(sessionId);
		this.clientOutbound
			.send(MessageBuilder.createMessage(reason.getBytes(StandardCharsets.UTF_8), error.getMessageHeaders()));
	}

}
