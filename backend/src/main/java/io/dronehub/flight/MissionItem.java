package io.dronehub.flight;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.dronehub.contract.Unit;
import org.jspecify.annotations.Nullable;

/**
 * One waypoint of a mission as a pilot sends it, and as the hub gives it back with
 * {@code speed} and {@code holdS} left out when they were. Nothing is checked here: the
 * drone checks a mission as a whole when it is uploaded, and names the first item it
 * refuses.
 *
 * @param lat latitude in degrees
 * @param lon longitude in degrees
 * @param altitude metres above home
 * @param speed horizontal speed on the way here, m/s, or {@code null} for the cruise
 * speed
 * @param holdS seconds to hover here before going on, or {@code null} for none
 */
@JsonClassDescription("One waypoint of a mission: where to fly, how fast, and how long to hover there.")
public record MissionItem(@JsonPropertyDescription("latitude, -90 to 90") @Unit("deg") Double lat,
		@JsonPropertyDescription("longitude, -180 to 180") @Unit("deg") Double lon,
		@JsonPropertyDescription("altitude above home, from the minimum altitude to the geofence ceiling") @Unit("m") Double altitude,
		@JsonPropertyDescription("horizontal speed on the way to this waypoint, 0.5 up to the top speed; the cruise "
				+ "speed if absent") @Unit("m/s") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Double speed,
		@JsonPropertyDescription("seconds to hover at this waypoint before going on, 0 to 3600; 0 if absent") @Unit("s") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Double holdS) {

	/**
	 * A waypoint flown at the cruise speed, without hovering.
	 * @param lat latitude in degrees
	 * @param lon longitude in degrees
	 * @param altitude metres above home
	 */
	public MissionItem(double lat, double lon, double altitude) {
		this(lat, lon, altitude, null, null);
	}

}
