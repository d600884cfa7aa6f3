package io.dronehub.cluster;

import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

/**
 * The drone leases' own small pool of connections to the shared database, which gives up
 * on a database that does not answer within half a heartbeat: the pool that the recorder
 * shares waits seconds for a connection, and a lease that waited that long could expire
 * while its node still simulated the drone. Closed with the application context.
 */
final class LeaseDatabase implements AutoCloseable {

	/** The shortest connection timeout that HikariCP accepts. */
	private static final Duration SHORTEST_TIMEOUT = Duration.ofMillis(250);

	private final HikariDataSource pool;

	/**
	 * Opens the pool lazily, so that a database that is away at start-up does not stop
	 * the node.
	 * @param database the {@code spring.datasource.*} settings
	 * @param heartbeat how often the leases are renewed
	 */
	LeaseDatabase(DataSourceProperties database, Duration heartbeat) {
		this.pool = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		long timeoutMillis = Math.max(SHORTEST_TIMEOUT.toMillis(), heartbeat.dividedBy(2).toMillis());
		this.pool.setPoolName("hub-leases");
		this.pool.setMaximumPoolSize(2);
		this.pool.setConnectionTimeout(timeoutMillis);
		this.pool.setValidationTimeout(timeoutMillis);
		this.pool.setInitializationFailTimeout(-1);
	}

	DataSource dataSource() {
		return this.pool;
	}

	@Override
	public void close() {
		this.pool.close();
	}

}
