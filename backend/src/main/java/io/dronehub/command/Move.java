package io.dronehub.command;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Drone;
import org.jspecify.annotations.Nullable;

/**
 * {@code MOVE}: a velocity set-point in the drone's own frame, clamped to the flight
 * limits. It lapses after one second unless renewed (a dead-man switch), and the drone
 * holds.
 *
 * @param droneId the drone
 * @param forward m/s along the nose
 * @param right m/s to the right of the nose
 * @param up climb rate in m/s (negative descends)
 * @param yawRate degrees per second, clockwise
 * @param commandId the sender's id for this command, or {@code null}
 */
public record Move(String droneId, double forward, double right, double up, double yawRate,
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
