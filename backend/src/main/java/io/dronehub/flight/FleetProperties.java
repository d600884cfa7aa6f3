package io.dronehub.flight;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The simulated fleet: how many drones and where they start.
 *
 * @param size number of drones, 1 to 100, with ids {@code d1} to {@code dN}
 * @param home the first drone's home; the others stand in a row east of it
 * @param spacing distance between neighbouring homes, m
 */
@ConfigurationProperties("hub.fleet")
@Validated
public record FleetProperties(@DefaultValue("3") @Min(1) @Max(100) int size, @DefaultValue @Valid Home home,
		@DefaultValue("5") @PositiveOrZero double spacing) {

	/**
	 * The fleet's home position.
	 *
	 * @param lat latitude of the first drone's home, degrees
	 * @param lon longitude of the first drone's home, degrees
	 */
	public record Home(@DefaultValue("-22.9519") @DecimalMin("-89") @DecimalMax("89") double lat,
			@DefaultValue("-43.2105") @DecimalMin("-180") @DecimalMax("180") double lon) {
	}

}
