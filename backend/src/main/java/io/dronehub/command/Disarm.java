package io.dronehub.command;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Drone;
import org.jspecify.annotations.Nullable;

/**
 * {@code DISARM}: Disarms the motors; only on the ground.
 */
@JsonClassDescription("Disarms the motors; only on the ground.")
public record Disarm(String droneId, @Nullable String commandId) implements Command {

	public Disarm {
		droneId = Fields.droneId(droneId);
		commandId = Fields.commandId(commandId);
	}

	@Override
	public CommandResult applyTo(Drone drone) {
		return drone.disarm();
	}

}
