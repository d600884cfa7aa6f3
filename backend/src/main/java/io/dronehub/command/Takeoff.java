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
 * {@code TAKEOFF}: climbs vertically to an altitude and holds there.
 */
@JsonClassDescription("Climbs vertically to an altitude, then holds there; only when armed.")
public record Takeoff(String droneId,
		@JsonPropertyDescription("altitude to climb to, above home: 1 up to the geofence ceiling") @Unit("m") double altitude,
		@Nullable String commandId) implements Command {

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
