package io.dronehub.command;

import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Drone;
import org.jspecify.annotations.Nullable;

/**
 * {@code HOLD}: Stops and hovers in place.
 *
 * @param droneId the drone
 * @param commandId the sender's id for this command, or {@code null}
 */
public record Hold(String droneId, @Nullable String commandId) implements Command {

	public Hold {
		droneId = Fields.droneId(droneId);
		commandId = Fields.commandId(commandId);
	}

	@Override
	public CommandResult applyTo(Drone drone) {
		return drone.hold();
	}

}
