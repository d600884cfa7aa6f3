package io.dronehub.flight;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.dronehub.contract.Unit;

/**
 * A drone's velocity in the local north-east-up frame, in metres per second.
 */
@JsonClassDescription("A drone's velocity in the local north-east-up frame.")
public record Velocity(@JsonPropertyDescription("speed towards true north") @Unit("m/s") double north,
		@JsonPropertyDescription("speed towards east") @Unit("m/s") double east,
		@JsonPropertyDescription("climb rate (negative when descending)") @Unit("m/s") double up) {
}
