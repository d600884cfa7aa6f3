package io.dronehub.command;

import java.security.Principal;
import java.util.concurrent.CompletableFuture;

import io.dronehub.control.Pilot;
import io.dronehub.contract.Role;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/**
 * Receives control requests on {@code /app/control} and replies to the sender alone on
 * {@code /user/queue/replies}.
 */
@Controller
public class ControlController {

	private final SimulationRequests requests;

	ControlController(SimulationRequests requests) {
		this.requests = requests;
	}

	@MessageMapping("/control")
	@SendToUser(destinations = CommandReply.QUEUE, broadcast = false)
	CompletableFuture<CommandReply> control(@Payload ControlRequest request, Principal user,
			@Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId) {
		Pilot pilot = new Pilot(user.getName(), sessionId);
		boolean admin = user instanceof Authentication authentication
				&& authentication.getAuthorities().contains(Role.ADMIN.authority());
		return this.requests.run(request, pilot, admin);
	}

}
