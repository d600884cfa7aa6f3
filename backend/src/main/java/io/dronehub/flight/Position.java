package io.dronehub.flight;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.dronehub.contract.Unit;

/**
 * Where a drone is.
 */
@JsonClassDescription("Where a drone is.")
public record Position(@JsonPropertyDescription("latitude") @Unit("deg") double lat,
		@JsonPropertyDescription("longitude") @Unit("deg") double lon,
		@JsonPropertyDescription("altitude above home") @Unit("m") double alt) {
}
