package io.dronehub.replay;

import io.dronehub.PostgresSchema;
import io.dronehub.SteppingClock;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.outbound.SessionWriters;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Replays of flights recorded in the PostgreSQL server on 127.0.0.1:5432 (which
 * {@code .ci/run} starts), in a schema of their own. Skipped, saying so, where no server
 * answers there.
 */
class ReplayPostgresIntegrationTests extends ReplayIntegrationTests {

	@RegisterExtension
	static final PostgresSchema SCHEMA = new PostgresSchema("the replay tests");

	ReplayPostgresIntegrationTests(@LocalServerPort int port, @Autowired SimulationLoop simulation,
			@Autowired SessionWriters<?> writers, @Autowired SteppingClock clock, @Autowired MeterRegistry meters) {
		super(port, simulation, writers, clock, meters);
	}

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry properties) {
		SCHEMA.register(properties);
	}

}
