package io.dronehub.command;

import io.dronehub.contract.Publishes;
import io.dronehub.control.ControlPrompt;
import io.dronehub.control.ControlPrompts;
import io.dronehub.control.Pilot;

import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a {@link ControlPrompt} to the session of the pilot in control alone, on
 * {@code /user/queue/control-requests}.
 */
@Component
@Publishes(destination = "/user" + ControlPrompt.QUEUE, payload = ControlPrompt.class,
		description = "Another pilot asks for a drone you control (REQUEST on /app/control): answer GRANT or DENY "
				+ "with its requestId before expiresAt.")
class ControlPromptSender implements ControlPrompts {

	private final SimpMessagingTemplate messaging;

	ControlPromptSender(SimpMessagingTemplate messaging) {
		this.messaging = messaging;
	}

	@Override
	public void ask(Pilot owner, ControlPrompt prompt) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setSessionId(owner.sessionId());
		headers.setLeaveMutable(true);
		this.messaging.convertAndSendToUser(owner.name(), ControlPrompt.QUEUE, prompt, headers.getMessageHeaders());
	}

}
