package io.dronehub.command;

import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Drone;
import org.jspecify.annotations.Nullable;

/**
 * {@code LAND}: Lands where the drone is, then disarms.
 *
 * @param droneId the drone
 * @param commandId the sender's id for this command, or {@code null}
 */
public record Land(String droneId, @Nullable String commandId) implements Command {

	public Land {
		droneId = Fields.droneId(droneId);
		commandId = Fields.commandId(commandId);
	}

	@Override
	public CommandResult applyTo(Drone drone) {
		return drone.land();
	}

}
