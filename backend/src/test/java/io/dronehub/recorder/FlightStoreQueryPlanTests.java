package io.dronehub.recorder;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How H2, the embedded default, reads a flight's telemetry for an export: through the
 * primary key, already in order, so that the first row comes at once and the flight is
 * never sorted in memory.
 */
class FlightStoreQueryPlanTests {

	@Test
	void anExportReadsThePrimaryKeyInOrderWithoutSorting() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:plan-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(dataSource).load().migrate();

		String plan = JdbcClient.create(dataSource)
			.sql("EXPLAIN " + FlightStore.FLIGHT_TELEMETRY)
			.param(UUID.randomUUID())
			.query(String.class)
			.single();

		assertThat(plan).contains("PRIMARY_KEY").contains("/* index sorted */");
	}

}
