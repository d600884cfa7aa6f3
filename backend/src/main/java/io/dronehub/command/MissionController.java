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
 * Receives mission requests on {@code /app/mission} and replies to the sender alone on
 * {@code /user/queue/replies} once the simulation has decided the outcome.
 */
@Controller
public class MissionController {

	private final SimulationRequests requests;

	MissionController(SimulationRequests requests) {
		this.requests = requests;
	}

	@MessageMapping("/mission")
	@SendToUser(destinations = CommandReply.QUEUE, broadcast = false)
	CompletableFuture<CommandReply> mission(@Payload MissionRequest request, Principal user,
			@Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId) {
		return this.requests.run(request, new Pilot(user.getName(), sessionId), false);
	}

}
