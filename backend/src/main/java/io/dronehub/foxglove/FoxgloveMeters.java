package io.dronehub.foxglove;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The Foxglove endpoint's meters: {@code hub.foxglove.connections} and
 * {@code hub.foxglove.subscriptions} now, {@code hub.foxglove.delivered} (message data
 * written) and {@code hub.foxglove.conflated} (message data that a newer one replaced
 * before it could be written) since start-up.
 *
 * @param delivered message data written
 * @param conflated message data replaced unwritten
 */
record FoxgloveMeters(Counter delivered, Counter conflated) {

	static FoxgloveMeters register(MeterRegistry meters, FoxgloveBridge bridge) {
		Gauge.builder("hub.foxglove.connections", bridge, FoxgloveBridge::connections)
			.description("Open connections to the Foxglove WebSocket endpoint")
			.register(meters);
		Gauge.builder("hub.foxglove.subscriptions", bridge, FoxgloveBridge::subscriptions)
			.description("Subscriptions of the Foxglove connections")
			.register(meters);
		return new FoxgloveMeters(
				Counter.builder("hub.foxglove.delivered")
					.description("Messages written to Foxglove connections")
					.register(meters),
				Counter.builder("hub.foxglove.conflated")
					.description("Messages to Foxglove connections that a newer one replaced before it was written")
					.register(meters));
	}

}
