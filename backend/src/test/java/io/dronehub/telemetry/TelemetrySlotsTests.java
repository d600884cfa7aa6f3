package io.dronehub.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.dronehub.flight.Battery;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.FlightMode;
import io.dronehub.flight.GeoPoint;
import io.dronehub.flight.Position;
import io.dronehub.flight.Velocity;
import io.dronehub.outbound.FrameBatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TelemetrySlots}: the newest frame per drone and subscription, counted
 * when it replaces an undelivered one, as STOMP MESSAGE frames in drone order.
 */
class TelemetrySlotsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final TelemetrySlots slots = new TelemetrySlots();

	private final List<Long> taken = new ArrayList<>();

	@BeforeEach
	void subscribe() {
		this.slots.subscribe(new TelemetrySubscription("sub-0", "/topic/telemetry", null));
	}

	@Test
	void aNewerTickReplacesTheUndeliveredFramesAndCountsThem() {
		this.slots.offer(tick(1));
		this.slots.offer(tick(2));
		TickFrames latest = tick(3);
		this.slots.offer(latest);
		assertThat(this.slots.conflated()).isEqualTo(4);
		String batch = drain();
		assertThat(batch).contains("message-id:d1-3", "message-id:d2-3").doesNotContain("d1-2", "d1-1");
		assertThat(this.taken).containsExactly(latest.publishedNanos(), latest.publishedNanos());
		assertThat(this.slots.hasPending()).isFalse();
	}

	@Test
	void framesOfATickDrainAsStompMessagesInDroneOrder() {
		this.slots.offer(tick(7));
		String batch = drain();
		assertThat(batch.indexOf("d1-7")).isLessThan(batch.indexOf("d2-7"));
		assertThat(batch.split("\0", -1)).hasSize(3);
		assertThat(batch).startsWith("MESSAGE\ndestination:/topic/telemetry\ncontent-type:application/json\n"
				+ "subscription:sub-0\nmessage-id:d1-7\ncontent-length:");
	}

	@Test
	void framesArePolledOneAtATimeInDroneOrder() {
		this.slots.offer(tick(1));
		assertThat(this.slots.poll(this.taken::add)).contains("message-id:d1-1");
		assertThat(this.slots.poll(this.taken::add)).contains("message-id:d2-1");
		assertThat(this.slots.poll(this.taken::add)).isNull();
		assertThat(this.taken).hasSize(2);
	}

	@Test
	void aDroneTopicTakesOnlyItsDroneAndAnUnsubscribedTopicNothing() {
		this.slots.subscribe(new TelemetrySubscription("sub-1", "/topic/drones/d2/telemetry", "d2"));
		this.slots.unsubscribe("sub-0");
		this.slots.offer(tick(1));
		assertThat(drain()).contains("destination:/topic/drones/d2/telemetry", "message-id:d2-1")
			.doesNotContain("d1-1", "/topic/telemetry\n");
	}

	@Test
	void dronesPublishedInSeparateTicksKeepTheirOwnSlots() {
		this.slots.offer(tick(4, 1));
		this.slots.offer(tick(4, 2));
		assertThat(this.slots.conflated()).isZero();
		String batch = drain();
		assertThat(batch).contains("message-id:d1-4", "message-id:d2-4");
		assertThat(batch.indexOf("d1-4")).isLessThan(batch.indexOf("d2-4"));
	}

	@Test
	void subscriptionIdsAreEscaped() {
		assertThat(TickFrames.escape("a:b\nc\\d")).isEqualTo("a\\cb\\nc\\\\d");
	}

	private String drain() {
		FrameBatch batch = new FrameBatch(Integer.MAX_VALUE);
		this.slots.drainTo(batch, this.taken::add);
		return batch.take();
	}

	private static TickFrames tick(long seq) {
		return tick(seq, 1, 2);
	}

	/** A tick of some of the fleet's two drones, as one node of a cluster publishes. */
	private static TickFrames tick(long seq, int... drones) {
		List<DroneState> states = IntStream.of(drones)
			.mapToObj((i) -> new DroneState("d" + i, seq, 1_000 + seq, FlightMode.HOLD, true, new Position(1, 2, 3),
					new Velocity(0, 0, 0), 0, 90, new Battery(80, 16), new GeoPoint(1, 2), null, null, null, null))
			.toList();
		return new TickFrames(states, json, Map.of("d1", 0, "d2", 1));
	}

}
