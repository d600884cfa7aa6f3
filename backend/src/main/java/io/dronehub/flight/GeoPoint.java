package io.dronehub.flight;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.dronehub.contract.Unit;

/**
 * A point on the Earth's surface.
 */
@JsonClassDescription("A point on the Earth's surface.")
public record GeoPoint(@JsonPropertyDescription("latitude") @Unit("deg") double lat,
		@JsonPropertyDescription("longitude") @Unit("deg") double lon) {
}
