package io.dronehub.command;

import java.util.concurrent.CompletableFuture;

import io.dronehub.control.ControlHandovers;
import io.dronehub.control.ControlLeases;
import io.dronehub.control.Pilot;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Fleet;
import io.dronehub.flight.ResultCode;

import org.springframework.stereotype.Component;

/**
 * Decides a pilot's request on the simulation thread: a command or mission request
 * through the {@link CommandHandler}, a control request through the {@link ControlLeases}
 * and the {@link ControlHandovers}. The one place that says what each request does,
 * whichever node of a cluster it was sent to.
 */
@Component
public class RequestDecisions {

	private final CommandHandler commands;

	private final ControlLeases leases;

	private final ControlHandovers handovers;

	RequestDecisions(CommandHandler commands, ControlLeases leases, ControlHandovers handovers) {
		this.commands = commands;
		this.leases = leases;
		this.handovers = handovers;
	}

	/**
	 * Decides a request.
	 * @param fleet the fleet, on its own thread
	 * @param request the request
	 * @param pilot who sent it
	 * @param admin whether the sender has the ADMIN role
	 * @return the outcome: completed at once, except for a REQUEST that waits for the
	 * drone's pilot, which completes on the simulation thread when it is decided
	 */
	CompletableFuture<CommandResult> decide(Fleet fleet, PilotRequest request, Pilot pilot, boolean admin) {
		if (request instanceof Command command) {
			return done(this.commands.apply(fleet, command, pilot));
		}
		if (request instanceof MissionRequest mission) {
			return done(this.commands.apply(fleet, mission, pilot));
		}
		ControlRequest control = (ControlRequest) request;
		CompletableFuture<CommandResult> decided = switch (control.action()) {
			case REQUEST -> this.handovers.request(fleet, control.droneId(), pilot, control.timeout());
			case ACQUIRE -> done(this.leases.acquire(fleet, control.droneId(), pilot));
			case GRANT, DENY -> done(this.handovers.answer(fleet, control.droneId(), control.requestId(), pilot,
					control.action() == ControlRequest.Action.GRANT));
			case ALLOW_TAKEOVER -> done(this.handovers.allowTakeover(fleet, control.droneId(), pilot,
					Boolean.TRUE.equals(control.allow())));
			case RELEASE -> done(this.leases.release(fleet, control.droneId(), pilot));
			case FORCE_RELEASE -> done(admin ? this.leases.forceRelease(fleet, control.droneId(), pilot)
					: CommandResult.rejected(ResultCode.COMMAND_DENIED, "only an ADMIN may force a release"));
		};
		this.handovers.review(fleet);
		return decided;
	}

	private static CompletableFuture<CommandResult> done(CommandResult result) {
		return CompletableFuture.completedFuture(result);
	}

}
