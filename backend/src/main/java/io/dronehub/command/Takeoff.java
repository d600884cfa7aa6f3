package io.dronehub.command;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Drone;
import org.jspecify.annotations.Nullable;

/**
 * {@code TAKEOFF}: climbs vertically to an altitude and holds there.
 *
 * @param droneId the drone
 * @param altitude metres above home
 * @param commandId the sender's id for this command, or {@code null}
 */
public record Takeoff(String droneId, double altitude, @Nullable String commandId) implements Command {

	@JsonCreator
	static Takeoff fromJson(@JsonProperty("droneId") @Nullable String droneId,
			@JsonProperty("altitude") @Nullable Double altitude,
			@JsonProperty("commandId") @Nullable String commandId) {
		return new Takeoff(Fields.droneId(droneId), Fields.finite("altitude", altitude), Fields.commandId(commandId));
	}

	@Override
	public CommandResult applyTo(Drone drone) {
		return drone.takeoff(this.altitude);
	}

}
