package io.dronehub.command;

import java.security.Principal;
import java.util.concurrent.CompletableFuture;

import io.dronehub.control.ControlLeases;
import io.dronehub.control.Pilot;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.ResultCode;
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

	private final ControlLeases leases;

	ControlController(SimulationRequests requests, ControlLeases leases) {
		this.requests = requests;
		this.leases = leases;
	}

	@MessageMapping("/control")
	@SendToUser(destinations = CommandReply.QUEUE, broadcast = false)
	CompletableFuture<CommandReply> control(@Payload ControlRequest request, Principal user,
			@Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId) {
		Pilot pilot = new Pilot(user.getName(), sessionId);
		boolean admin = user instanceof Authentication authentication
				&& authentication.getAuthorities().contains(Role.ADMIN.authority());
		return this.requests.run(request, pilot, (fleet) -> switch (request.action()) {
			case ACQUIRE -> this.leases.acquire(fleet, request.droneId(), pilot);
			case RELEASE -> this.leases.release(fleet, request.droneId(), pilot);
			case FORCE_RELEASE -> admin ? this.leases.forceRelease(fleet, request.droneId(), pilot)
					: CommandResult.rejected(ResultCode.COMMAND_DENIED, "only an ADMIN may force a release");
		});
	}

}
