package io.dronehub.recorder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.dronehub.SteppingClock;
import io.dronehub.flight.Battery;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.FlightMode;
import io.dronehub.flight.GeoPoint;
import io.dronehub.flight.Position;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.flight.Velocity;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The recorder's queue and its meters, on a recorder writing to an in-memory H2 database
 * that Flyway migrates as the hub does, fed ticks directly instead of by a simulation.
 */
class FlightRecorderTests {

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final AtomicLong ids = new AtomicLong();

	private FlightRecorder recorder;

	private long seq;

	@BeforeEach
	void recorder() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:recorder-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		Flyway flyway = Flyway.configure().dataSource(dataSource).load();
		FlightStore store = new FlightStore(JdbcClient.create(dataSource), new JdbcTemplate(dataSource),
				new TransactionTemplate(new JdbcTransactionManager(dataSource)), JsonMapper.builder().build());
		RecorderProperties settings = new RecorderProperties(true, 100, 10, Duration.ofMillis(200), Duration.ofDays(30),
				1_000_000);
		SteppingClock clock = new SteppingClock(Instant.EPOCH);
		JsonMapper json = JsonMapper.builder().build();
		this.recorder = new FlightRecorder(settings, store,
				new RecorderSchema(flyway, store, System::nanoTime, () -> Long.MAX_VALUE),
				new FlightTracker(() -> new UUID(0, this.ids.incrementAndGet())),
				new RecorderRetention(store, settings, clock), clock, json,
				new DefaultListableBeanFactory().getBeanProvider(SimulationLoop.class), true, this.meters);
	}

	@AfterEach
	void stop() {
		this.recorder.stop();
	}

	@Test
	void theQueuesHighWaterMarkOutlivesTheBacklogThatRaisedIt() {
		tick();
		tick();
		tick();
		assertThat(gauge("hub.recorder.queued")).isEqualTo(3);
		assertThat(gauge("hub.recorder.queued.max")).isEqualTo(3);

		this.recorder.start();
		await().until(() -> gauge("hub.recorder.queued") == 0 && written() == 3);
		tick();
		await().until(() -> written() == 4);

		assertThat(gauge("hub.recorder.queued.max")).as("a shorter queue later leaves the mark where it was")
			.isEqualTo(3);
		assertThat(this.recorder.queuedMax()).isEqualTo(3);
	}

	/** Hands the recorder one tick of a drone that is flying. */
	private void tick() {
		this.recorder.statesComputed(List.of(new DroneState("d1", ++this.seq, this.seq * 100, FlightMode.HOLD, true,
				new Position(-22.95, -43.21, 10), new Velocity(0, 0, 0), 0, 0, new Battery(90, 16),
				new GeoPoint(-22.95, -43.21), "alice", null, null, null)));
	}

	private double gauge(String name) {
		return this.meters.get(name).gauge().value();
	}

	private double written() {
		return this.meters.get("hub.recorder.written").tag("kind", "states").counter().count();
	}

}
