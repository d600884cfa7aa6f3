package io.dronehub.foxglove;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which channels are advertised as drones come and go: one per topic, ids kept for the
 * hub's lifetime.
 */
class FoxgloveChannelsTests {

	private final FoxgloveChannels channels = new FoxgloveChannels();

	@Test
	void dronesThatAppearAreAdvertisedOnceAndThoseThatGoAreUnadvertised() {
		FoxgloveChannels.Changes first = this.channels.update(List.of("d1", "d2"));
		assertThat(first.added()).extracting(FoxgloveChannel::topic)
			.containsExactly("/drones/d1/telemetry", "/drones/d1/location", "/drones/d2/telemetry",
					"/drones/d2/location");
		assertThat(first.removed()).isEmpty();
		assertThat(this.channels.update(List.of("d1", "d2")).added()).as("nothing new").isEmpty();

		FoxgloveChannels.Changes gone = this.channels.update(List.of("d1"));
		assertThat(gone.removed()).containsExactly(4, 5);
		assertThat(this.channels.exists(4)).isFalse();
		assertThat(this.channels.all()).extracting(FoxgloveChannel::topic)
			.containsExactly("/events", "/drones/d1/telemetry", "/drones/d1/location");

		assertThat(this.channels.update(List.of("d1", "d2")).added()).as("back with its ids")
			.extracting(FoxgloveChannel::id)
			.containsExactly(4, 5);
	}

	@Test
	void everyChannelIsJsonWithAJsonSchema() {
		this.channels.update(List.of("d1"));
		assertThat(this.channels.all()).allSatisfy((channel) -> {
			assertThat(channel.encoding()).isEqualTo("json");
			assertThat(channel.schemaEncoding()).isEqualTo("jsonschema");
			assertThat(channel.schema()).startsWith("{");
		})
			.extracting(FoxgloveChannel::schemaName)
			.containsExactly("dronehub.FleetEvent", "dronehub.DroneState", "foxglove.LocationFix");
		assertThat(this.channels.all()).extracting(FoxgloveChannel::topic).doesNotHaveDuplicates();
	}

}
