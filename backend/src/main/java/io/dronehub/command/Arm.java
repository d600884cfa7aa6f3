package io.dronehub.command;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Drone;
import org.jspecify.annotations.Nullable;

/**
 * {@code ARM}: Arms the motors; only on the ground and with enough battery.
 */
@JsonClassDescription("Arms the motors; only on the ground and with the battery above the low threshold.")
public record Arm(String droneId, @Nullable String commandId) implements Command {

	public Arm {
		droneId = Fields.droneId(droneId);
		commandId = Fields.commandId(commandId);
	}

	@Override
	public CommandResult applyTo(Drone drone) {
		return drone.arm();
	}

}
