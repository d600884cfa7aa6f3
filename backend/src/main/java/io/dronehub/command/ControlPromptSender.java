package io.dronehub.command;

import io.dronehub.contract.Publishes;
import io.dronehub.control.ControlPrompt;
import io.dronehub.control.ControlPrompts;
import io.dronehub.control.Pilot;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a {@link ControlPrompt} to the session of the pilot in control alone, on
 * {@code /user/queue/control-requests}: here, or through the {@link PromptRelay} to the
 * node of a cluster that the session is connected to.
 */
@Component
@Publishes(destination = "/user" + ControlPrompt.QUEUE, payload = ControlPrompt.class,
		description = "Another pilot asks for a drone you control (REQUEST on /app/control): answer GRANT or DENY "
				+ "with its requestId before expiresAt.")
class ControlPromptSender implements ControlPrompts {

	private final SimpMessagingTemplate messaging;

	private final @Nullable PromptRelay relay;

	ControlPromptSender(SimpMessagingTemplate messaging, ObjectProvider<PromptRelay> relay) {
		this.messaging = messaging;
		this.relay = relay.getIfAvailable();
	}

	@Override
	public void ask(Pilot owner, ControlPrompt prompt) {
		if (this.relay != null && this.relay.relayed(owner, prompt)) {
			return;
		}
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setSessionId(owner.sessionId());
		headers.setLeaveMutable(true);
		this.messaging.convertAndSendToUser(owner.name(), ControlPrompt.QUEUE, prompt, headers.getMessageHeaders());
	}

}
