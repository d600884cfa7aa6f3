package io.dronehub.benchmark.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.dronehub.benchmark.Options;
import io.dronehub.benchmark.Results;
import io.dronehub.benchmark.export.SyntheticFlight.State;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

/**
 * Writes long flights straight into the flight recorder's tables, so that their export
 * can be measured without flying for an hour: the tables are created by Flyway from the
 * migrations inside the hub's own jar (so the hub, started on the database afterwards,
 * finds its schema up to date), then each flight is inserted in one transaction as the
 * recorder would have left it, ended and summarised. Run while no hub has the database
 * open (an H2 file allows one process at a time).
 */
public final class FlightSeeder {

	private static final String MIGRATIONS = "BOOT-INF/classes/db/migration/";

	private static final int BATCH = 1000;

	private static final String PILOT = "bench-pilot";

	private FlightSeeder() {
	}

	/**
	 * Seeds the flights.
	 * @param args {@code --jdbc-url=URL [--jdbc-user=U] [--jdbc-password=P] --hub-jar=JAR
	 * [--flights=3600,36000] [--rate-hz=10] [--out=FILE]}
	 * @throws Exception when the database or the jar cannot be used
	 */
	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		String url = options.text("jdbc-url", "");
		String user = options.text("jdbc-user", "sa");
		String password = options.text("jdbc-password", "");
		Path hubJar = Path.of(options.text("hub-jar", ""));
		List<Integer> sizes = options.list("flights").stream().map(Integer::parseInt).toList();
		int rateHz = options.integer("rate-hz", 10);
		@Nullable String out = options.optional("out");
		options.requireAllRead();
		if (url.isEmpty() || !Files.isRegularFile(hubJar)) {
			throw new IllegalArgumentException("--jdbc-url and --hub-jar (the hub's jar) are needed");
		}

		Path migrations = extractMigrations(hubJar);
		Flyway.configure().dataSource(url, user, password).locations("filesystem:" + migrations).load().migrate();

		Results results = new Results();
		List<String> flights = new ArrayList<>();
		long started = System.nanoTime();
		long rows = 0;
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			connection.setAutoCommit(false);
			for (int size : (sizes.isEmpty() ? List.of(3600, 36000) : sizes)) {
				long end = System.currentTimeMillis();
				SyntheticFlight flight = new SyntheticFlight(size, rateHz, end - Math.round(size * 1000.0 / rateHz));
				UUID id = UUID.randomUUID();
				insert(connection, id, "d" + (flights.size() + 1), flight);
				connection.commit();
				flights.add(size + ":" + id);
				rows += size;
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		results.put("flights", String.join(",", flights));
		results.put("seed_seconds", seconds);
		results.put("seed_states_per_s", rows / seconds);
		System.out.print(results.text());
		if (out != null) {
			Files.writeString(Path.of(out), results.text());
		}
	}

	/** Copies the hub jar's Flyway migrations into a folder of their own. */
	private static Path extractMigrations(Path hubJar) throws IOException {
		Path folder = Files.createTempDirectory("hub-migrations");
		folder.toFile().deleteOnExit();
		try (ZipFile jar = new ZipFile(hubJar.toFile())) {
			Enumeration<? extends ZipEntry> entries = jar.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				String name = entry.getName();
				if (name.startsWith(MIGRATIONS) && name.endsWith(".sql")
						&& name.indexOf('/', MIGRATIONS.length()) < 0) {
					Path file = folder.resolve(name.substring(MIGRATIONS.length()));
					try (InputStream in = jar.getInputStream(entry)) {
						Files.copy(in, file);
					}
					file.toFile().deleteOnExit();
				}
			}
		}
		return folder;
	}

	private static void insert(Connection connection, UUID id, String droneId, SyntheticFlight flight)
			throws SQLException {
		State first = flight.state(0);
		State last = flight.state(flight.states() - 1);
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO flight (id, drone_id, pilots, "
				+ "started_at, ended_at, end_reason, max_altitude, distance, battery_used, frames) "
				+ "VALUES (?, ?, ?, ?, ?, 'DISARMED', ?, ?, ?, ?)")) {
			insert.setObject(1, id);
			insert.setString(2, droneId);
			insert.setString(3, "[\"" + PILOT + "\"]");
			insert.setLong(4, first.timestamp());
			insert.setLong(5, last.timestamp());
			insert.setDouble(6, SyntheticFlight.ALTITUDE);
			insert.setDouble(7, flight.distanceMeters());
			insert.setDouble(8, first.batteryPercent() - last.batteryPercent());
			insert.setLong(9, flight.states());
			insert.executeUpdate();
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO flight_state (flight_id, seq, "
				+ "recorded_at, mode, armed, lat, lon, alt, velocity_north, velocity_east, velocity_up, ground_speed, "
				+ "heading, battery_percent, battery_voltage, home_lat, home_lon, pilot, failsafe) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)")) {
			for (int i = 0; i < flight.states(); i++) {
				State state = flight.state(i);
				insert.setObject(1, id);
				insert.setLong(2, state.seq());
				insert.setLong(3, state.timestamp());
				insert.setString(4, state.mode());
				insert.setBoolean(5, state.armed());
				insert.setDouble(6, state.lat());
				insert.setDouble(7, state.lon());
				insert.setDouble(8, state.alt());
				insert.setDouble(9, state.velocityNorth());
				insert.setDouble(10, state.velocityEast());
				insert.setDouble(11, state.velocityUp());
				insert.setDouble(12, state.groundSpeed());
				insert.setDouble(13, state.heading());
				insert.setDouble(14, state.batteryPercent());
				insert.setDouble(15, state.batteryVoltage());
				insert.setDouble(16, SyntheticFlight.HOME_LAT);
				insert.setDouble(17, SyntheticFlight.HOME_LON);
				insert.setString(18, PILOT);
				insert.addBatch();
				if ((i + 1) % BATCH == 0 || i == flight.states() - 1) {
					insert.executeBatch();
				}
			}
		}
		insertEvents(connection, id, flight);
	}

	/**
	 * The events a real flight of this shape has: control taken, then each mode change.
	 */
	private static void insertEvents(Connection connection, UUID id, SyntheticFlight flight) throws SQLException {
		long start = flight.state(0).timestamp();
		List<Event> events = new ArrayList<>();
		events.add(new Event(start - 200, "CONTROL_ACQUIRED", PILOT + " took control"));
		events.add(new Event(start - 100, "MODE_CHANGED", "DISARMED → ARMED: armed"));
		String previous = "ARMED";
		for (int i = 0; i < flight.states(); i++) {
			State state = flight.state(i);
			if (!state.mode().equals(previous)) {
				events.add(new Event(state.timestamp(), "MODE_CHANGED", previous + " → " + state.mode()));
				previous = state.mode();
			}
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO flight_event (flight_id, event_no, "
				+ "occurred_at, type, pilot, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
			for (int i = 0; i < events.size(); i++) {
				insert.setObject(1, id);
				insert.setInt(2, i);
				insert.setLong(3, events.get(i).occurredAt());
				insert.setString(4, events.get(i).type());
				insert.setString(5, PILOT);
				insert.setString(6, events.get(i).detail());
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private record Event(long occurredAt, String type, String detail) {
	}

}
