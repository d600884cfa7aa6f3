package io.dronehub.recorder;

import io.dronehub.PostgresSchema;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.outbound.SessionWriters;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The recorder's round trip against the PostgreSQL server on 127.0.0.1:5432 (which
 * {@code .ci/run} starts), in a schema of its own that Flyway creates and the test drops.
 * Skipped, saying so, where no server answers there.
 */
class FlightRecorderPostgresIntegrationTests extends FlightRecorderIntegrationTests {

	@RegisterExtension
	static final PostgresSchema SCHEMA = new PostgresSchema("the recorder's tests");

	FlightRecorderPostgresIntegrationTests(@LocalServerPort int port, @Autowired SimulationLoop simulation,
			@Autowired SessionWriters<?> writers) {
		super(port, simulation, writers);
	}

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry properties) {
		SCHEMA.register(properties);
	}

}
