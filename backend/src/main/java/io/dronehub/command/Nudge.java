package io.dronehub.command;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.dronehub.contract.Unit;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Direction;
import io.dronehub.flight.Drone;
import org.jspecify.annotations.Nullable;

/**
 * {@code NUDGE}: a relative hop in the drone's own frame ("UP 10", "LEFT 10").
 */
@JsonClassDescription("A relative hop in the drone's own frame (\"UP 10\", \"LEFT 10\"), keeping the heading; "
		+ "nudges add up.")
public record Nudge(String droneId, @JsonPropertyDescription("where to, relative to the nose") Direction direction,
		@JsonPropertyDescription("how far, 0.1 to 1000") @Unit("m") Double distance,
		@Nullable String commandId) implements Command {

	public Nudge {
		droneId = Fields.droneId(droneId);
		direction = Fields.required("direction", direction);
		distance = Fields.within("distance", distance, 0.1, 1000);
		commandId = Fields.commandId(commandId);
	}

	@Override
	public CommandResult applyTo(Drone drone) {
		return drone.nudge(this.direction, this.distance);
	}

}
