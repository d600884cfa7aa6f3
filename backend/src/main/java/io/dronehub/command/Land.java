package io.dronehub.command;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Drone;
import org.jspecify.annotations.Nullable;

/**
 * {@code LAND}: Lands where the drone is, then disarms.
 */
@JsonClassDescription("Lands where the drone is, then disarms.")
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
