package io.dronehub;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.DynamicPropertyRegistry;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A schema of its own on the PostgreSQL server on 127.0.0.1:5432 (which {@code .ci/run}
 * starts), for the flight recorder of a test class's hub, which {@link #register}s it in
 * a {@code @DynamicPropertySource}: Flyway creates it, and this extension drops it after
 * the class. Skips the class, saying so, where no server answers.
 */
public final class PostgresSchema implements BeforeAllCallback, AfterAllCallback {

	private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

	private static final String USER = "postgres";

	private final String name = "hub_it_" + UUID.randomUUID().toString().replace("-", "");

	private final String tests;

	/**
	 * Creates a schema for some tests.
	 * @param tests what the tests check against the server, for the message when skipped
	 */
	public PostgresSchema(String tests) {
		this.tests = tests;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		try (Connection connection = DriverManager.getConnection(URL, USER, "")) {
			assumeTrue(connection.isValid(5));
		}
		catch (SQLException ex) {
			assumeTrue(false, "No PostgreSQL server answers at " + URL + " as " + USER + " (" + ex.getMessage()
					+ "): start one (.ci/run does) to run " + this.tests + " against it; skipping");
		}
	}

	/**
	 * Points the hub's database at this schema.
	 * @param properties the test's dynamic properties
	 */
	public void register(DynamicPropertyRegistry properties) {
		properties.add("spring.datasource.url", () -> URL + "?currentSchema=" + this.name);
		properties.add("spring.datasource.username", () -> USER);
		properties.add("spring.datasource.password", () -> "");
		properties.add("spring.flyway.schemas", () -> this.name);
	}

	/**
	 * The command-line arguments that point a hub started with
	 * {@code SpringApplicationBuilder} at this schema, through a port of its own on
	 * 127.0.0.1, such as a proxy's.
	 * @param port the port that leads to the server
	 * @return the {@code --spring.datasource.*} and {@code --spring.flyway.schemas}
	 * arguments
	 */
	public List<String> arguments(int port) {
		return List.of(
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/test?currentSchema=" + this.name,
				"--spring.datasource.username=" + USER, "--spring.datasource.password=",
				"--spring.flyway.schemas=" + this.name);
	}

	@Override
	public void afterAll(ExtensionContext context) throws SQLException {
		try (Connection connection = DriverManager.getConnection(URL, USER, "")) {
			connection.createStatement().execute("DROP SCHEMA IF EXISTS " + this.name + " CASCADE");
		}
	}

}
