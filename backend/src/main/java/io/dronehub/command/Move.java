package io.dronehub.command;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.dronehub.contract.Unit;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Drone;
import org.jspecify.annotations.Nullable;

/**
 * {@code MOVE}: a velocity set-point in the drone's own frame, clamped to the flight
 * limits. It lapses after one second unless renewed (a dead-man switch), and the drone
 * holds.
 */
@JsonClassDescription("A velocity set-point in the drone's own frame, clamped to the flight limits (MANUAL mode); "
		+ "without a new MOVE within one second the drone holds.")
public record Move(String droneId, @JsonPropertyDescription("speed along the nose") @Unit("m/s") Double forward,
		@JsonPropertyDescription("speed to the right of the nose") @Unit("m/s") Double right,
		@JsonPropertyDescription("climb rate (negative descends)") @Unit("m/s") Double up,
		@JsonPropertyDescription("turn rate, clockwise") @Unit("deg/s") Double yawRate,
		@Nullable String commandId) implements Command {

	public Move {
		droneId = Fields.droneId(droneId);
		forward = Fields.finite("forward", forward);
		right = Fields.finite("right", right);
		up = Fields.finite("up", up);
		yawRate = Fields.finite("yawRate", yawRate);
		commandId = Fields.commandId(commandId);
	}

	@Override
	public CommandResult applyTo(Drone drone) {
		return drone.move(this.forward, this.right, this.up, this.yawRate);
	}

}
