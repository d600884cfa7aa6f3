package io.dronehub.command;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Drone;
import org.jspecify.annotations.Nullable;

/**
 * {@code RTL}: Climbs to the return altitude, flies home and lands.
 */
@JsonClassDescription("Climbs to the return altitude, flies home, lands and disarms.")
public record ReturnToLaunch(String droneId, @Nullable String commandId) implements Command {

	public ReturnToLaunch {
		droneId = Fields.droneId(droneId);
		commandId = Fields.commandId(commandId);
	}

	@Override
	public CommandResult applyTo(Drone drone) {
		return drone.returnToLaunch();
	}

}
