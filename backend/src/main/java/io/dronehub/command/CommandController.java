package io.dronehub.command;

import java.security.Principal;
import java.util.concurrent.CompletableFuture;

import io.dronehub.control.Pilot;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;

/**
 * Receives pilot commands on {@code /app/command} and replies to the sender alone on
 * {@code /user/queue/replies} once the simulation has decided the outcome.
 */
@Controller
public class CommandController {

	private final SimulationRequests requests;

	CommandController(SimulationRequests requests) {
		this.requests = requests;
	}

	@MessageMapping("/command")
	@SendToUser(destinations = CommandReply.QUEUE, broadcast = false)
	CompletableFuture<CommandReply> command(@Payload Command command, Principal user,
			@Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId) {
		Pilot pilot = new Pilot(user.getName(), sessionId);
		return this.requests.run(command, pilot, false);
	}

}
