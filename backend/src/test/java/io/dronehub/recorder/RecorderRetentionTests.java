package io.dronehub.recorder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.dronehub.SteppingClock;
import io.dronehub.flight.Battery;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.FlightMode;
import io.dronehub.flight.GeoPoint;
import io.dronehub.flight.Position;
import io.dronehub.flight.Velocity;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recorder's retention limits, enforced on the recorder's tables in an in-memory H2
 * database that Flyway migrates as the hub does.
 */
class RecorderRetentionTests {

	private final SteppingClock clock = new SteppingClock(Instant.EPOCH);

	private FlightStore store;

	private final AtomicLong ids = new AtomicLong();

	@BeforeEach
	void database() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:retention-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(dataSource).load().migrate();
		this.store = new FlightStore(JdbcClient.create(dataSource), new JdbcTemplate(dataSource),
				new TransactionTemplate(new JdbcTransactionManager(dataSource)), JsonMapper.builder().build());
	}

	@Test
	void endedFlightsOlderThanTheRetentionAreDeletedAndNoOthers() {
		UUID oldest = fly("d1", 1_000, 10, true);
		UUID recent = fly("d2", 3_000, 10, true);
		UUID flying = fly("d3", 0, 10, false);
		this.clock.advance(Duration.ofMillis(6_000));

		assertThat(retention(Duration.ofSeconds(4), 1_000_000).enforceIfDue()).isEqualTo(1);

		assertThat(this.store.find(oldest)).isEmpty();
		assertThat(this.store.find(recent)).isPresent();
		assertThat(this.store.find(flying)).as("a flight under way is never deleted").isPresent();
	}

	@Test
	void beyondTheSizeCapTheOldestEndedFlightsGoFirst() {
		UUID first = fly("d1", 1_000, 10, true);
		UUID second = fly("d2", 2_000, 10, true);
		UUID third = fly("d3", 3_000, 10, true);
		UUID flying = fly("d4", 0, 10, false);

		assertThat(retention(Duration.ofDays(30), 25).enforceIfDue()).isEqualTo(2);

		assertThat(this.store.find(first)).isEmpty();
		assertThat(this.store.find(second)).isEmpty();
		assertThat(this.store.find(third)).isPresent();
		assertThat(this.store.find(flying)).isPresent();
	}

	@Test
	void theLimitsAreCheckedAtMostOnceAMinute() {
		RecorderRetention retention = retention(Duration.ofSeconds(1), 1_000_000);
		this.clock.advance(Duration.ofMillis(10_000));
		assertThat(retention.enforceIfDue()).isZero();
		UUID expired = fly("d1", 1_000, 5, true);

		this.clock.advance(RecorderRetention.CHECK_INTERVAL.minusMillis(1));
		assertThat(retention.enforceIfDue()).isZero();
		assertThat(this.store.find(expired)).isPresent();

		this.clock.advance(Duration.ofMillis(1));
		assertThat(retention.enforceIfDue()).isEqualTo(1);
	}

	@Test
	void aNodeOfAClusterEndsTheFlightsLeftOpenWithoutAStateForAWhileAtItsLastState() {
		UUID abandoned = fly("d1", 1_000, 10, false);
		UUID flying = fly("d2", 25_000, 10, false);
		this.clock.advance(Duration.ofSeconds(32));
		RecorderRetention retention = new RecorderRetention(this.store,
				new RecorderProperties(true, 100, 10, Duration.ofMillis(200), Duration.ofDays(30), 1_000_000),
				this.clock, Duration.ofSeconds(30));

		retention.enforceIfDue();

		assertThat(this.store.find(abandoned)).get().satisfies((flight) -> {
			assertThat(flight.endedAt()).isEqualTo(1_000);
			assertThat(flight.endReason()).isEqualTo(Flight.HUB_STOPPED);
		});
		assertThat(this.store.find(flying)).get().extracting(Flight::endedAt).isNull();
	}

	private RecorderRetention retention(Duration keep, long maxStates) {
		return new RecorderRetention(this.store,
				new RecorderProperties(true, 100, 10, Duration.ofMillis(200), keep, maxStates), this.clock);
	}

	/**
	 * Records a flight of {@code states} states, ending at {@code endMillis} if it ended.
	 */
	private UUID fly(String droneId, long endMillis, int states, boolean ended) {
		FlightTracker tracker = new FlightTracker(() -> new UUID(0, this.ids.incrementAndGet()));
		RecorderBatch batch = new RecorderBatch();
		List<DroneState> flight = new ArrayList<>();
		for (int i = 0; i < states; i++) {
			boolean last = ended && i == states - 1;
			flight.add(state(droneId, i, endMillis - (states - 1 - i), last ? FlightMode.DISARMED : FlightMode.HOLD));
		}
		for (DroneState state : flight) {
			tracker.states(List.of(state), batch);
		}
		this.store.write(batch);
		return batch.flights().iterator().next().id();
	}

	private static DroneState state(String droneId, long seq, long timestamp, FlightMode mode) {
		return new DroneState(droneId, seq, timestamp, mode, mode != FlightMode.DISARMED,
				new Position(-22.95, -43.21, 5), new Velocity(0, 0, 0), 0, 0, new Battery(90, 16),
				new GeoPoint(-22.95, -43.21), null, null, null, null);
	}

}
