package io.dronehub.command;

import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Drone;
import org.jspecify.annotations.Nullable;

/**
 * {@code ARM}: Arms the motors; only on the ground and with enough battery.
 *
 * @param droneId the drone
 * @param commandId the sender's id for this command, or {@code null}
 */
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
