package io.dronehub.recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.dronehub.flight.Battery;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.EventType;
import io.dronehub.flight.FleetEvent;
import io.dronehub.flight.FlightMode;
import io.dronehub.flight.GeoPoint;
import io.dronehub.flight.Position;
import io.dronehub.flight.Velocity;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flight whose drone moves from one node of a cluster to another, recorded by each
 * node's tracker into one H2 database that Flyway migrates as the hub does: it stays one
 * flight.
 */
class FlightContinuationTests {

	private final AtomicLong ids = new AtomicLong();

	private FlightStore store;

	@BeforeEach
	void database() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:continuation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(dataSource).load().migrate();
		this.store = new FlightStore(JdbcClient.create(dataSource), new JdbcTemplate(dataSource),
				new TransactionTemplate(new JdbcTransactionManager(dataSource)), JsonMapper.builder().build());
	}

	@Test
	void theNodeThatTakesAFlyingDroneOverCarriesOnItsFlight() {
		FlightTracker nodeB = node();
		RecorderBatch onB = new RecorderBatch();
		nodeB.events(List.of(event("armed")), onB);
		for (int seq = 0; seq < 10; seq++) {
			nodeB.states(List.of(state("d1", seq, 2 * seq, "alice")), onB);
		}
		nodeB.events(List.of(event("climbing")), onB);
		this.store.write(onB);
		RecorderBatch handedOver = new RecorderBatch();
		nodeB.states(List.of(), handedOver);
		this.store.write(handedOver);

		FlightTracker nodeA = node();
		RecorderBatch onA = new RecorderBatch();
		nodeA.events(List.of(event("d1 moved from node b to node a")), onA);
		// node a carries on from the last state it heard of, which b recorded already
		for (int seq = 9; seq < 20; seq++) {
			nodeA.states(List.of(state("d1", seq, 18, null)), onA);
		}
		nodeA.states(List.of(state("d1", 20, 0, null)), onA);
		this.store.write(onA);

		FlightPage flights = this.store.find(new FlightQuery("d1", null, null, null, 0, 10));
		assertThat(flights.content()).singleElement().satisfies((flight) -> {
			assertThat(flight.frames()).isEqualTo(21);
			assertThat(flight.maxAltitude()).isEqualTo(18);
			assertThat(flight.pilots()).containsExactly("alice");
			assertThat(flight.endReason()).isEqualTo(Flight.DISARMED);
			List<Long> seqs = new ArrayList<>();
			this.store.streamTelemetry(flight, (state) -> seqs.add(state.seq()));
			assertThat(seqs).hasSize(21).isSorted().doesNotHaveDuplicates().startsWith(0L).endsWith(20L);
			assertThat(this.store.log(flight.id())).extracting(FlightLogEntry::detail)
				.containsExactly("armed", "climbing", "d1 moved from node b to node a");
		});
	}

	private FlightTracker node() {
		return new FlightTracker(() -> new UUID(0, this.ids.incrementAndGet()), this.store::openFlightOf, 6_000);
	}

	private static FleetEvent event(String detail) {
		return new FleetEvent(EventType.MODE_CHANGED, "d1", null, 0, detail);
	}

	private static DroneState state(String droneId, long seq, double alt, @Nullable String pilot) {
		FlightMode mode = (seq == 20) ? FlightMode.DISARMED : FlightMode.HOLD;
		return new DroneState(droneId, seq, 100_000 + seq * 100, mode, mode != FlightMode.DISARMED,
				new Position(-22.95, -43.21, alt), new Velocity(0, 0, 0), 0, 0, new Battery(90 - seq * 0.1, 16),
				new GeoPoint(-22.95, -43.21), pilot, null, null, null);
	}

}
