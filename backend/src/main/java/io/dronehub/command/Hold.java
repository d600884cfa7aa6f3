package io.dronehub.command;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Drone;
import org.jspecify.annotations.Nullable;

/**
 * {@code HOLD}: Stops and hovers in place.
 */
@JsonClassDescription("Brakes and hovers where the drone stops.")
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
