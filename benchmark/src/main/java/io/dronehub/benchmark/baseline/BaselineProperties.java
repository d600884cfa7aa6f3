package io.dronehub.benchmark.baseline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the floor server publishes and how it negotiates.
 *
 * @param fleetSize drones d1..dN, one state each per tick
 * @param rateHz ticks per second
 * @param deflate whether permessage-deflate may be negotiated (Tomcat accepts it when a
 * client offers it; {@code false} hides the offer from the container)
 */
@ConfigurationProperties("baseline")
public record BaselineProperties(@DefaultValue("10") int fleetSize, @DefaultValue("10") int rateHz,
		@DefaultValue("true") boolean deflate) {
}
