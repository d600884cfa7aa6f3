package io.dronehub.foxglove;

import java.util.List;

import io.dronehub.flight.Battery;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.FlightMode;
import io.dronehub.flight.GeoPoint;
import io.dronehub.flight.Position;
import io.dronehub.flight.Velocity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which channels are advertised as drones' states come and stop: one per topic, a drone
 * advertised with its first state and unadvertised after ten seconds of states without
 * it, ids kept for the hub's lifetime.
 */
class FoxgloveChannelsTests {

	private final FoxgloveChannels channels = new FoxgloveChannels();

	@Test
	void dronesAreAdvertisedWithTheirFirstStateAndUnadvertisedWhenTheirStatesStop() {
		FoxgloveChannels.Changes first = this.channels.update(List.of(state("d1", 0), state("d2", 0)));
		assertThat(first.added()).extracting(FoxgloveChannel::topic)
			.containsExactly("/drones/d1/telemetry", "/drones/d1/location", "/drones/d2/telemetry",
					"/drones/d2/location");
		assertThat(first.removed()).isEmpty();
		assertThat(this.channels.update(List.of(state("d1", 9_000))).added()).as("d2 a while quiet, and kept")
			.isEmpty();
		assertThat(this.channels.update(List.of(state("d2", 9_100))).added())
			.as("in a batch of its own, as from " + "another node")
			.isEmpty();

		FoxgloveChannels.Changes gone = this.channels.update(List.of(state("d1", 19_100)));
		assertThat(gone.removed()).as("ten seconds without d2").containsExactly(4, 5);
		assertThat(this.channels.exists(4)).isFalse();
		assertThat(this.channels.all()).extracting(FoxgloveChannel::topic)
			.containsExactly("/events", "/drones/d1/telemetry", "/drones/d1/location");

		assertThat(this.channels.update(List.of(state("d2", 19_200))).added()).as("back with its ids")
			.extracting(FoxgloveChannel::id)
			.containsExactly(4, 5);
	}

	@Test
	void everyChannelIsJsonWithAJsonSchema() {
		this.channels.update(List.of(state("d1", 0)));
		assertThat(this.channels.all()).allSatisfy((channel) -> {
			assertThat(channel.encoding()).isEqualTo("json");
			assertThat(channel.schemaEncoding()).isEqualTo("jsonschema");
			assertThat(channel.schema()).startsWith("{");
		})
			.extracting(FoxgloveChannel::schemaName)
			.containsExactly("dronehub.FleetEvent", "dronehub.DroneState", "foxglove.LocationFix");
		assertThat(this.channels.all()).extracting(FoxgloveChannel::topic).doesNotHaveDuplicates();
	}

	private static DroneState state(String drone, long timestamp) {
		return new DroneState(drone, 1, timestamp, FlightMode.HOLD, false, new Position(47.39, 8.54, 0),
				new Velocity(0, 0, 0), 0, 90, new Battery(100, 16.8), new GeoPoint(47.39, 8.54), null, null, null,
				null);
	}

}
