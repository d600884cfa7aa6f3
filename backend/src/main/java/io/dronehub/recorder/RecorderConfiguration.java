package io.dronehub.recorder;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.dronehub.cluster.ClusterProperties;
import io.dronehub.flight.SimulationLoop;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * The flight recorder's beans, unless {@code hub.recorder.enabled} is {@code false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecorderProperties.class)
@ConditionalOnBooleanProperty(name = "hub.recorder.enabled", matchIfMissing = true)
class RecorderConfiguration {

	private static final Log logger = LogFactory.getLog(RecorderConfiguration.class);

	/** Rows a streamed read fetches at a time. */
	private static final int FETCH_SIZE = 500;

	@Bean
	FlightStore flightStore(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json) {
		JdbcTemplate rows = new JdbcTemplate(dataSource);
		rows.setFetchSize(FETCH_SIZE);
		return new FlightStore(jdbc, rows, transactions, json);
	}

	/**
	 * Leaves Flyway's migration to the recorder, which runs it at start-up and, if the
	 * database does not answer then, as soon as it does, instead of failing the start.
	 */
	@Bean
	FlywayMigrationStrategy recorderMigratesItsTables() {
		return (flyway) -> {
		};
	}

	/**
	 * The recorder. On a node of a cluster a flight follows its drone: a node that takes
	 * an armed drone over carries on its flight if its last state is at most three node
	 * timeouts old (a takeover takes one to two; a drone armed on a cluster started again
	 * after that starts a flight of its own), a node that stops leaves its flights open
	 * for the nodes that take them over, and flights left open without a state for ten
	 * node timeouts are ended, at start and then every
	 * {@link RecorderRetention#CHECK_INTERVAL}.
	 */
	@Bean
	FlightRecorder flightRecorder(RecorderProperties settings, FlightStore store, Flyway flyway, Clock clock,
			JsonMapper json, ObjectProvider<SimulationLoop> simulation, MeterRegistry meters,
			ClusterProperties cluster) {
		Duration quiet = cluster.nodeTimeout().multipliedBy(10);
		if (!cluster.enabled()) {
			return new FlightRecorder(settings, store,
					new RecorderSchema(flyway, store, System::nanoTime, () -> Long.MAX_VALUE),
					new FlightTracker(UUID::randomUUID), new RecorderRetention(store, settings, clock), clock, json,
					simulation, true, meters);
		}
		RecorderSchema schema = new RecorderSchema(flyway, store, System::nanoTime,
				() -> clock.millis() - quiet.toMillis());
		FlightTracker tracker = new FlightTracker(UUID::randomUUID, (droneId) -> openFlightOf(droneId, store, schema),
				cluster.nodeTimeout().multipliedBy(3).toMillis());
		return new FlightRecorder(settings, store, schema, tracker,
				new RecorderRetention(store, settings, clock, quiet), clock, json, simulation, false, meters);
	}

	/**
	 * A drone's open flight as recorded so far, or none when the database does not
	 * answer: the drone's flight then starts again, and what cannot be written is counted
	 * as lost.
	 */
	private static Optional<FlightSoFar> openFlightOf(String droneId, FlightStore store, RecorderSchema schema) {
		if (!schema.ensureReady()) {
			return Optional.empty();
		}
		try {
			return store.openFlightOf(droneId);
		}
		catch (DataAccessException | TransactionException ex) {
			logger
				.warn("Could not read the open flight of " + droneId + "; its flight starts again: " + ex.getMessage());
			return Optional.empty();
		}
	}

	@Bean
	RecorderHealthIndicator recorderHealthIndicator(FlightRecorder recorder) {
		return new RecorderHealthIndicator(recorder);
	}

}
