package io.dronehub.replay;

import java.security.Principal;
import java.util.concurrent.CompletableFuture;

import io.dronehub.command.CommandReply;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.ResultCode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;

/**
 * Receives replay requests on {@code /app/replay} and replies to the sender alone on
 * {@code /user/queue/replies}; the replay's frames follow on its
 * {@code /user/queue/replay}. With the flight recorder off there are no replays, and
 * every request is rejected.
 */
@Controller
class ReplayController {

	private final ObjectProvider<FlightReplays> replays;

	ReplayController(ObjectProvider<FlightReplays> replays) {
		this.replays = replays;
	}

	@MessageMapping("/replay")
	@SendToUser(destinations = CommandReply.QUEUE, broadcast = false)
	CompletableFuture<CommandReply> replay(@Payload ReplayRequest request, Principal user,
			@Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId) {
		FlightReplays replays = this.replays.getIfAvailable();
		if (replays == null) {
			return CompletableFuture.completedFuture(
					CommandReply.of(request.commandId(), null, CommandResult.rejected(ResultCode.COMMAND_DENIED,
							"this hub records no flights (hub.recorder.enabled is false), so none can be replayed")));
		}
		return replays.request(request, user.getName(), sessionId);
	}

}
