package io.dronehub.command;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Direction;
import io.dronehub.flight.Drone;
import org.jspecify.annotations.Nullable;

/**
 * {@code NUDGE}: a relative hop in the drone's own frame ("UP 10", "LEFT 10").
 *
 * @param droneId the drone
 * @param direction where to, relative to the nose
 * @param distance how far, in metres (0.1 to 1000)
 * @param commandId the sender's id for this command, or {@code null}
 */
public record Nudge(String droneId, Direction direction, double distance,
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
