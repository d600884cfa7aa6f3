package io.dronehub.command;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.dronehub.contract.Unit;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Drone;
import org.jspecify.annotations.Nullable;

/**
 * {@code GOTO}: flies to a position inside the geofence, facing it, then holds.
 */
@JsonClassDescription("Flies to a position inside the geofence, facing it, then holds; only in the air.")
public record Goto(String droneId, @JsonPropertyDescription("target latitude, -90 to 90") @Unit("deg") Double lat,
		@JsonPropertyDescription("target longitude, -180 to 180") @Unit("deg") Double lon,
		@JsonPropertyDescription("target altitude above home") @Unit("m") Double altitude,
		@Nullable String commandId) implements Command {

	public Goto {
		droneId = Fields.droneId(droneId);
		lat = Fields.within("lat", lat, -90, 90);
		lon = Fields.within("lon", lon, -180, 180);
		altitude = Fields.finite("altitude", altitude);
		commandId = Fields.commandId(commandId);
	}

	@Override
	public CommandResult applyTo(Drone drone) {
		return drone.goTo(this.lat, this.lon, this.altitude);
	}

}
