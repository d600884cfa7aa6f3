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
 * {@code GOTO}: flies to a position inside the geofence, facing it, then holds.
 */
@JsonClassDescription("Flies to a position inside the geofence, facing it, then holds; only in the air.")
public record Goto(String droneId, @JsonPropertyDescription("target latitude, -90 to 90") @Unit("deg") double lat,
		@JsonPropertyDescription("target longitude, -180 to 180") @Unit("deg") double lon,
		@JsonPropertyDescription("target altitude above home") @Unit("m") double altitude,
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
