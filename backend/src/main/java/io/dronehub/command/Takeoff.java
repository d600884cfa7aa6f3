package io.dronehub.command;

import com.fasterxml.jackson.annotation.JsonClassDescription;
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
		@JsonPropertyDescription("altitude to climb to, above home: 1 up to the geofence ceiling") @Unit("m") Double altitude,
		@Nullable String commandId) implements Command {

	public Takeoff {
		droneId = Fields.droneId(droneId);
		altitude = Fields.finite("altitude", altitude);
		commandId = Fields.commandId(commandId);
	}

	@Override
	public CommandResult applyTo(Drone drone) {
		return drone.takeoff(this.altitude);
	}

}
