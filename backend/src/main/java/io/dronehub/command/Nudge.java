package io.dronehub.command;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
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
		@JsonPropertyDescription("how far, 0.1 to 1000") @Unit("m") double distance,
		@Nullable String commandId) implements Command {

	@JsonCreator
	static Nudge fromJson(@JsonProperty("droneId") @Nullable String droneId,
			@JsonProperty("direction") @Nullable Direction direction,
			@JsonProperty("distance") @Nullable Double distance,
			@JsonProperty("commandId") @Nullable String commandId) {
		return new Nudge(Fields.droneId(droneId), Fields.required("direction", direction),
				Fields.within("distance", distance, 0.1, 1000), Fields.commandId(commandId));
	}

	@Override
	public CommandResult applyTo(Drone drone) {
		return drone.nudge(this.direction, this.distance);
	}

}
