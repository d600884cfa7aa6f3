package io.dronehub.recorder;

import java.time.Clock;
import java.util.UUID;
import java.util.function.LongSupplier;

import io.dronehub.cluster.ClusterProperties;
import io.dronehub.flight.SimulationLoop;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * The flight recorder's beans, unless {@code hub.recorder.enabled} is {@code false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecorderProperties.class)
@ConditionalOnBooleanProperty(name = "hub.recorder.enabled", matchIfMissing = true)
class RecorderConfiguration {

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
	 * The recorder. On a node of a cluster, the flights left open that it ends at start
	 * are only those without a state for ten node timeouts: the other nodes' are under
	 * way.
	 */
	@Bean
	FlightRecorder flightRecorder(RecorderProperties settings, FlightStore store, Flyway flyway, Clock clock,
			JsonMapper json, ObjectProvider<SimulationLoop> simulation, MeterRegistry meters,
			ClusterProperties cluster) {
		long quietMillis = cluster.nodeTimeout().multipliedBy(10).toMillis();
		LongSupplier abandonedBefore = cluster.enabled() ? () -> clock.millis() - quietMillis : () -> Long.MAX_VALUE;
		return new FlightRecorder(settings, store, new RecorderSchema(flyway, store, System::nanoTime, abandonedBefore),
				new FlightTracker(UUID::randomUUID), new RecorderRetention(store, settings, clock), clock, json,
				simulation, meters);
	}

	@Bean
	RecorderHealthIndicator recorderHealthIndicator(FlightRecorder recorder) {
		return new RecorderHealthIndicator(recorder);
	}

}
