package io.dronehub.foxglove;

import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import io.dronehub.flight.Battery;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.FlightMode;
import io.dronehub.flight.GeoPoint;
import io.dronehub.flight.Position;
import io.dronehub.flight.Velocity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A drone's state as Foxglove's {@code foxglove.LocationFix}, checked against the schema
 * the hub ships.
 */
class LocationFixTests {

	private final JsonMapper json = JsonMapper.shared();

	@Test
	void aStateBecomesAFixAtItsPositionAndTimeWithUnknownCovariance() {
		JsonNode fix = this.json.valueToTree(LocationFix.of(state(1_767_225_600_123L)));

		assertThat(fix.at("/timestamp/sec").asLong()).isEqualTo(1_767_225_600L);
		assertThat(fix.at("/timestamp/nsec").asLong()).isEqualTo(123_000_000L);
		assertThat(fix.get("frame_id").asString()).isEqualTo("d7");
		assertThat(fix.get("latitude").asDouble()).isEqualTo(47.3977419);
		assertThat(fix.get("longitude").asDouble()).isEqualTo(8.5455938);
		assertThat(fix.get("altitude").asDouble()).isEqualTo(12.5);
		assertThat(fix.get("position_covariance").valueStream().map(JsonNode::asDouble)).hasSize(9).containsOnly(0.0);
		assertThat(fix.get("position_covariance_type").asInt()).isZero();
	}

	@Test
	void aFixHasEveryFieldTheSchemaRequiresAndNoOther() throws Exception {
		JsonNode schema;
		try (InputStream in = LocationFix.class.getResourceAsStream("/foxglove/LocationFix.json")) {
			schema = this.json.readTree(in);
		}
		JsonNode fix = this.json.valueToTree(LocationFix.of(state(0)));

		assertThat(schema.get("title").asString()).isEqualTo("foxglove.LocationFix");
		assertThat(names(fix)).containsAll(schema.get("required").valueStream().map(JsonNode::asString).toList());
		assertThat(schema.get("properties").propertyNames()).containsAll(names(fix));
		assertThat(names(fix.get("timestamp")))
			.containsExactlyElementsOf(names(schema.at("/properties/timestamp/properties")));
		assertThat(fix.get("position_covariance"))
			.hasSize(schema.at("/properties/position_covariance/minItems").asInt());
	}

	@Test
	void aFixBeforeTheEpochKeepsItsNanosecondsPositive() {
		JsonNode fix = this.json.valueToTree(LocationFix.of(state(-1)));

		assertThat(fix.at("/timestamp/sec").asLong()).isEqualTo(-1);
		assertThat(fix.at("/timestamp/nsec").asLong()).isEqualTo(999_000_000L);
	}

	private static Set<String> names(JsonNode object) {
		return new TreeSet<>(object.propertyNames());
	}

	private static DroneState state(long timestamp) {
		return new DroneState("d7", 42, timestamp, FlightMode.HOLD, true, new Position(47.3977419, 8.5455938, 12.5),
				new Velocity(0, 0, 0), 0, 90, new Battery(80, 16.2), new GeoPoint(47.3977, 8.5456), "alice", null, null,
				null);
	}

}
