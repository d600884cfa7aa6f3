package io.dronehub.telemetry;

import java.util.List;
import java.util.stream.IntStream;

import io.dronehub.flight.EventType;
import io.dronehub.flight.FleetEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RecentEvents}: the latest events, oldest first, at most
 * {@value RecentEvents#CAPACITY}.
 */
class RecentEventsTests {

	private final RecentEvents recent = new RecentEvents();

	@Test
	void startsEmpty() {
		assertThat(this.recent.latest()).isEmpty();
	}

	@Test
	void keepsEventsOldestFirstAcrossBatches() {
		this.recent.eventsOccurred(events(0, 2));
		this.recent.eventsOccurred(events(2, 3));
		assertThat(details(this.recent.latest())).containsExactly("e0", "e1", "e2");
	}

	@Test
	void dropsTheOldestBeyondItsCapacity() {
		this.recent.eventsOccurred(events(0, 60));
		this.recent.eventsOccurred(events(60, 130));
		assertThat(this.recent.latest()).hasSize(RecentEvents.CAPACITY);
		assertThat(details(this.recent.latest())).isEqualTo(details(events(30, 130)));
	}

	@Test
	void aBatchLargerThanItsCapacityKeepsItsNewest() {
		this.recent.eventsOccurred(events(0, 3));
		this.recent.eventsOccurred(events(3, 250));
		assertThat(details(this.recent.latest())).isEqualTo(details(events(150, 250)));
	}

	@Test
	void aListReadEarlierStaysAsItWas() {
		this.recent.eventsOccurred(events(0, 1));
		List<FleetEvent> read = this.recent.latest();
		this.recent.eventsOccurred(events(1, 2));
		assertThat(details(read)).containsExactly("e0");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> read.add(read.get(0)));
	}

	/** Events e{from} to e{to - 1}, a millisecond apart. */
	private static List<FleetEvent> events(int from, int to) {
		return IntStream.range(from, to)
			.mapToObj((i) -> new FleetEvent(EventType.MODE_CHANGED, "d1", null, 1_000L + i, "e" + i))
			.toList();
	}

	private static List<String> details(List<FleetEvent> events) {
		return events.stream().map(FleetEvent::detail).toList();
	}

}
