package io.dronehub.command;

import io.dronehub.control.ControlLeases;
import io.dronehub.control.Pilot;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Drone;
import io.dronehub.flight.EventType;
import io.dronehub.flight.Fleet;

import org.springframework.stereotype.Component;

/**
 * Applies a pilot's command to its drone: checks that the drone exists and that the
 * sender's session controls it, then hands the command to the drone. Runs on the
 * simulation thread.
 */
@Component
public class CommandHandler {

	private final ControlLeases leases;

	CommandHandler(ControlLeases leases) {
		this.leases = leases;
	}

	/**
	 * Applies a command; a refusal from a session that does not control the drone is also
	 * recorded as a {@code COMMAND_REJECTED} event.
	 * @param fleet the fleet, on its own thread
	 * @param command the command
	 * @param pilot who sent it
	 * @return the outcome
	 */
	public CommandResult apply(Fleet fleet, Command command, Pilot pilot) {
		Drone drone = fleet.drone(command.droneId());
		if (drone == null) {
			return fleet.absent(command.droneId());
		}
		CommandResult control = this.leases.checkControl(command.droneId(), pilot.sessionId());
		if (!control.accepted()) {
			fleet.events()
				.record(EventType.COMMAND_REJECTED, command.droneId(), pilot.name(),
						CommandTypes.nameOf(command) + " from " + pilot.name() + " refused: " + control.reason());
			return control;
		}
		return command.applyTo(drone);
	}

}
