package io.dronehub.command;

import io.dronehub.control.ControlLeases;
import io.dronehub.control.Pilot;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Fleet;
import io.dronehub.flight.ResultCode;

import org.springframework.stereotype.Component;

/**
 * Decides a pilot's request on the simulation thread: a command through the
 * {@link CommandHandler}, a control request through the {@link ControlLeases}. The one
 * place that says what each request does, whichever node of a cluster it was sent to.
 */
@Component
public class RequestDecisions {

	private final CommandHandler commands;

	private final ControlLeases leases;

	RequestDecisions(CommandHandler commands, ControlLeases leases) {
		this.commands = commands;
		this.leases = leases;
	}

	/**
	 * Decides a request.
	 * @param fleet the fleet, on its own thread
	 * @param request the request
	 * @param pilot who sent it
	 * @param admin whether the sender has the ADMIN role
	 * @return the outcome
	 */
	CommandResult decide(Fleet fleet, PilotRequest request, Pilot pilot, boolean admin) {
		if (request instanceof Command command) {
			return this.commands.apply(fleet, command, pilot);
		}
		ControlRequest control = (ControlRequest) request;
		return switch (control.action()) {
			case ACQUIRE -> this.leases.acquire(fleet, control.droneId(), pilot);
			case RELEASE -> this.leases.release(fleet, control.droneId(), pilot);
			case FORCE_RELEASE -> admin ? this.leases.forceRelease(fleet, control.droneId(), pilot)
					: CommandResult.rejected(ResultCode.COMMAND_DENIED, "only an ADMIN may force a release");
		};
	}

}
