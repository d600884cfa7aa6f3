package io.dronehub.command;

import java.util.function.Function;

import io.dronehub.control.ControlLeases;
import io.dronehub.control.Pilot;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Drone;
import io.dronehub.flight.EventType;
import io.dronehub.flight.Fleet;

import org.springframework.stereotype.Component;

/**
 * Applies a pilot's command or mission request to its drone: checks that the drone exists
 * and that the sender's session controls it, then hands the request to the drone. Runs on
 * the simulation thread.
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
		return apply(fleet, command.droneId(), CommandTypes.nameOf(command), pilot, command::applyTo);
	}

	/**
	 * Applies a mission request, as a command.
	 * @param fleet the fleet, on its own thread
	 * @param request the request
	 * @param pilot who sent it
	 * @return the outcome
	 */
	public CommandResult apply(Fleet fleet, MissionRequest request, Pilot pilot) {
		return apply(fleet, request.droneId(), "MISSION " + request.action(), pilot, request::applyTo);
	}

	private CommandResult apply(Fleet fleet, String droneId, String name, Pilot pilot,
			Function<Drone, CommandResult> command) {
		Drone drone = fleet.drone(droneId);
		if (drone == null) {
			return fleet.absent(droneId);
		}
		CommandResult control = this.leases.checkControl(droneId, pilot.sessionId());
		if (!control.accepted()) {
			fleet.events()
				.record(EventType.COMMAND_REJECTED, droneId, pilot.name(),
						name + " from " + pilot.name() + " refused: " + control.reason());
			return control;
		}
		return command.apply(drone);
	}

}
