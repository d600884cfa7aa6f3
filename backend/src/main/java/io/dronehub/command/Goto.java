package io.dronehub.command;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Drone;
import org.jspecify.annotations.Nullable;

/**
 * {@code GOTO}: flies to a position inside the geofence, facing it, then holds.
 *
 * @param droneId the drone
 * @param lat target latitude in degrees
 * @param lon target longitude in degrees
 * @param altitude target altitude above home in metres
 * @param commandId the sender's id for this command, or {@code null}
 */
public record Goto(String droneId, double lat, double lon, double altitude,
		@Nullable String commandId) implements Command {

	@JsonCreator
	static Goto fromJson(@JsonProperty("droneId") @Nullable String droneId, @JsonProperty("lat") @Nullable Double lat,
			@JsonProperty("lon") @Nullable Double lon, @JsonProperty("altitude") @Nullable Double altitude,
			@JsonProperty("commandId") @Nullable String commandId) {
		return new Goto(Fields.droneId(droneId), Fields.within("lat", lat, -90, 90),
				Fields.within("lon", lon, -180, 180), Fields.finite("altitude", altitude), Fields.commandId(commandId));
	}

	@Override
	public CommandResult applyTo(Drone drone) {
		return drone.goTo(this.lat, this.lon, this.altitude);
	}

}
