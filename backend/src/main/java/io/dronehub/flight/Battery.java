package io.dronehub.flight;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.dronehub.contract.Unit;

/**
 * A drone's battery.
 */
@JsonClassDescription("A drone's battery, a 4S LiPo pack.")
public record Battery(@JsonPropertyDescription("remaining charge, 0 to 100") @Unit("%") double percent,
		@JsonPropertyDescription("pack voltage, 14.0 empty to 16.8 full") @Unit("V") double voltage) {
}
