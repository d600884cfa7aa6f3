package io.dronehub.recorder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import io.dronehub.flight.SimulationLoop;
import io.dronehub.outbound.SessionWriters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The recorder's round trip against the PostgreSQL server on 127.0.0.1:5432 (which
 * {@code .ci/run} starts), in a schema of its own that Flyway creates and the test drops.
 * Skipped, saying so, where no server answers there.
 */
class FlightRecorderPostgresIntegrationTests extends FlightRecorderIntegrationTests {

	private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

	private static final String USER = "postgres";

	private static final String SCHEMA = "hub_it_" + UUID.randomUUID().toString().replace("-", "");

	FlightRecorderPostgresIntegrationTests(@LocalServerPort int port, @Autowired SimulationLoop simulation,
			@Autowired SessionWriters<?> writers) {
		super(port, simulation, writers);
	}

	@BeforeAll
	static void postgresAnswers() {
		try (Connection connection = DriverManager.getConnection(URL, USER, "")) {
			assumeTrue(connection.isValid(5));
		}
		catch (SQLException ex) {
			assumeTrue(false, "No PostgreSQL server answers at " + URL + " as " + USER + " (" + ex.getMessage()
					+ "): start one (.ci/run does) to run the recorder's tests against it; skipping");
		}
	}

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry properties) {
		properties.add("spring.datasource.url", () -> URL + "?currentSchema=" + SCHEMA);
		properties.add("spring.datasource.username", () -> USER);
		properties.add("spring.datasource.password", () -> "");
		properties.add("spring.flyway.schemas", () -> SCHEMA);
	}

	@AfterAll
	static void dropSchema() throws SQLException {
		try (Connection connection = DriverManager.getConnection(URL, USER, "")) {
			connection.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
		}
	}

}
