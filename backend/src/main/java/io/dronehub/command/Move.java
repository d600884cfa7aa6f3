package io.dronehub.command;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
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
public record Move(String droneId, @JsonPropertyDescription("speed along the nose") @Unit("m/s") double forward,
		@JsonPropertyDescription("speed to the right of the nose") @Unit("m/s") double right,
		@JsonPropertyDescription("climb rate (negative descends)") @Unit("m/s") double up,
		@JsonPropertyDescription("turn rate, clockwise") @Unit("deg/s") double yawRate,
		@Nullable String commandId) implements Command {

	@JsonCreator
	static Move fromJson(@JsonProperty("droneId") @Nullable String droneId,
			@JsonProperty("forward") @Nullable Double forward, @JsonProperty("right") @Nullable Double right,
			@JsonProperty("up") @Nullable Double up, @JsonProperty("yawRate") @Nullable Double yawRate,
			@JsonProperty("commandId") @Nullable String commandId) {
		return new Move(Fields.droneId(droneId), Fields.finite("forward", forward), Fields.finite("right", right),
				Fields.finite("up", up), Fields.finite("yawRate", yawRate), Fields.commandId(commandId));
	}

	@Override
	public CommandResult applyTo(Drone drone) {
		return drone.move(this.forward, this.right, this.up, this.yawRate);
	}

}
