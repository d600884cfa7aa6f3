package io.dronehub.recorder;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.dronehub.contract.Unit;
import org.jspecify.annotations.Nullable;

/**
 * One recorded flight: from the tick a drone armed to the tick it disarmed, or to the
 * hub's stop.
 */
@JsonClassDescription("One recorded flight of one drone, from arming to disarming or to the hub's stop.")
public record Flight(@JsonPropertyDescription("the flight's id") UUID id,
		@JsonPropertyDescription("the drone that flew") String droneId,
		@JsonPropertyDescription("everyone who flew it, in the order they first did") List<String> pilots,
		@JsonPropertyDescription("when the drone armed, epoch milliseconds") @Unit("ms") long startedAt,
		@JsonPropertyDescription("when the flight ended, epoch milliseconds; null while flying") @Unit("ms") @Nullable Long endedAt,
		@JsonPropertyDescription("DISARMED, HUB_STOPPED, or the failsafe that ended it; null while flying") @Nullable String endReason,
		@JsonPropertyDescription("the highest altitude above home") @Unit("m") double maxAltitude,
		@JsonPropertyDescription("the distance flown, horizontal and vertical") @Unit("m") double distance,
		@JsonPropertyDescription("battery charge used") @Unit("%") double batteryUsed,
		@JsonPropertyDescription("telemetry states kept") long frames) {

	/** Why a flight ended when the hub stopped while it was under way. */
	public static final String HUB_STOPPED = "HUB_STOPPED";

	/** Why a flight ended when the drone disarmed with no failsafe active. */
	public static final String DISARMED = "DISARMED";

}
