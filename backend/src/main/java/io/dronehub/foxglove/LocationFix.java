package io.dronehub.foxglove;

import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dronehub.flight.DroneState;

/**
 * Where a drone was, as Foxglove's {@code foxglove.LocationFix} message (the schema in
 * {@code foxglove/LocationFix.json}), which the map panels of Foxglove and Lichtblick
 * plot. The covariance is unknown, and the altitude is the drone's height above its home
 * point in metres, not above the ellipsoid: the simulation has no ground elevation.
 *
 * @param timestamp when the drone was there
 * @param frameId the drone's id
 * @param latitude degrees
 * @param longitude degrees
 * @param altitude metres above home
 * @param positionCovariance nine zeros
 * @param positionCovarianceType {@link #COVARIANCE_UNKNOWN}
 */
public record LocationFix(FoxgloveTime timestamp, @JsonProperty("frame_id") String frameId, double latitude,
		double longitude, double altitude, @JsonProperty("position_covariance") List<Double> positionCovariance,
		@JsonProperty("position_covariance_type") int positionCovarianceType) {

	/** The {@code position_covariance_type} of a fix whose covariance is unknown. */
	public static final int COVARIANCE_UNKNOWN = 0;

	private static final List<Double> NO_COVARIANCE = Collections.nCopies(9, 0.0);

	/**
	 * The fix of a drone's state.
	 * @param state the state
	 * @return where the drone was at the state's time
	 */
	public static LocationFix of(DroneState state) {
		return new LocationFix(FoxgloveTime.ofEpochMillis(state.timestamp()), state.droneId(), state.position().lat(),
				state.position().lon(), state.position().alt(), NO_COVARIANCE, COVARIANCE_UNKNOWN);
	}

}
