package io.dronehub.recorder;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import io.dronehub.command.CommandReply;
import io.dronehub.flight.Battery;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.Failsafe;
import io.dronehub.flight.FlightMode;
import io.dronehub.flight.GeoPoint;
import io.dronehub.flight.Position;
import io.dronehub.flight.Velocity;
import io.dronehub.recorder.RecorderBatch.EventRow;
import io.dronehub.recorder.RecorderBatch.StateRow;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The recorder's tables, through Spring JDBC: batches written in one transaction each,
 * flights listed and read, and a flight's telemetry streamed row by row or read a page at
 * a time. Thread-safe.
 */
public class FlightStore {

	private static final String STATE_COLUMNS = "seq, recorded_at, mode, armed, lat, lon, alt, velocity_north, "
			+ "velocity_east, velocity_up, ground_speed, heading, battery_percent, battery_voltage, home_lat, home_lon, "
			+ "pilot, failsafe";

	/**
	 * A flight's states in {@code seq} order. The order names the whole primary key so
	 * that H2 reads them through that index instead of sorting the whole flight read
	 * through the foreign key's index first.
	 */
	static final String FLIGHT_TELEMETRY = "SELECT " + STATE_COLUMNS
			+ " FROM flight_state WHERE flight_id = ? ORDER BY flight_id, seq";

	private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate rows;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	/**
	 * @param jdbc for writes and small reads
	 * @param rows for batch inserts, and for reading a flight's telemetry a few hundred
	 * rows at a time
	 * @param transactions one transaction per batch, and around each stream
	 * @param json writes and reads the list of pilots
	 */
	FlightStore(JdbcClient jdbc, JdbcTemplate rows, TransactionTemplate transactions, JsonMapper json) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.transactions = transactions;
		this.json = json;
	}

	/**
	 * Writes a batch in one transaction: new flights are inserted, known ones updated,
	 * states and events appended.
	 * @param batch what to write
	 */
	void write(RecorderBatch batch) {
		this.transactions.executeWithoutResult((status) -> {
			upsert(batch);
			insertStates(batch.states());
			insertEvents(batch.events());
		});
	}

	/**
	 * Ends the flights that a hub which stopped without closing them left open, at their
	 * last recorded state.
	 * @param lastRecordedBefore only flights whose last state (or start) is older than
	 * this, epoch milliseconds: the nodes of a cluster that are alive keep recording
	 * theirs
	 * @return how many there were
	 */
	int endAbandonedFlights(long lastRecordedBefore) {
		String lastRecorded = "COALESCE((SELECT MAX(recorded_at) FROM flight_state "
				+ "WHERE flight_state.flight_id = flight.id), started_at)";
		return this.jdbc
			.sql("UPDATE flight SET end_reason = :reason, ended_at = " + lastRecorded + " WHERE ended_at IS NULL AND "
					+ lastRecorded + " < :before")
			.param("reason", Flight.HUB_STOPPED)
			.param("before", lastRecordedBefore)
			.update();
	}

	/**
	 * The latest flight of a drone that is under way, as recorded so far: the flight of a
	 * drone that moved here from another node of a cluster, which this node carries on.
	 * @param droneId the drone
	 * @return the flight, or empty if none of that drone is open with a state recorded
	 */
	Optional<FlightSoFar> openFlightOf(String droneId) {
		return this.jdbc
			.sql("SELECT * FROM flight WHERE drone_id = ? AND ended_at IS NULL ORDER BY started_at DESC LIMIT 1")
			.param(droneId)
			.query(this::flight)
			.optional()
			.flatMap(this::soFar);
	}

	private Optional<FlightSoFar> soFar(Flight flight) {
		int entries = this.jdbc.sql("SELECT COALESCE(MAX(event_no) + 1, 0) FROM flight_event WHERE flight_id = ?")
			.param(flight.id())
			.query(Integer.class)
			.single();
		return this.jdbc
			.sql("SELECT seq, recorded_at, lat, lon, alt, battery_percent FROM flight_state WHERE flight_id = ? "
					+ "ORDER BY flight_id DESC, seq DESC LIMIT 1")
			.param(flight.id())
			.query((rs, row) -> new FlightSoFar(flight, rs.getLong("seq"), rs.getLong("recorded_at"),
					new Position(rs.getDouble("lat"), rs.getDouble("lon"), rs.getDouble("alt")),
					rs.getDouble("battery_percent"), entries))
			.optional();
	}

	/**
	 * One page of flights, newest first.
	 * @param query the filters and the page
	 * @return the page
	 */
	FlightPage find(FlightQuery query) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (query.droneId() != null) {
			where.append(" AND drone_id = ?");
			params.add(query.droneId());
		}
		if (query.pilot() != null) {
			where.append(" AND pilots LIKE ?");
			params.add("%" + this.json.writeValueAsString(query.pilot()) + "%");
		}
		if (query.fromMillis() != null) {
			where.append(" AND COALESCE(ended_at, ?) >= ?");
			params.add(Long.MAX_VALUE);
			params.add(query.fromMillis());
		}
		if (query.toMillis() != null) {
			where.append(" AND started_at <= ?");
			params.add(query.toMillis());
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM flight" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(query.size());
		pageParams.add((long) query.page() * query.size());
		List<Flight> flights = this.jdbc
			.sql("SELECT * FROM flight" + where + " ORDER BY started_at DESC, id LIMIT ? OFFSET ?")
			.params(pageParams)
			.query(this::flight)
			.list();
		return FlightPage.of(flights, query.page(), query.size(), total);
	}

	/**
	 * One flight.
	 * @param id the flight's id
	 * @return the flight, or empty if none is recorded with that id
	 */
	public Optional<Flight> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM flight WHERE id = ?").param(id).query(this::flight).optional();
	}

	/**
	 * A flight's log: its events, commands and control requests, in order.
	 * @param id the flight
	 * @return the entries, oldest first
	 */
	List<FlightLogEntry> log(UUID id) {
		return this.jdbc
			.sql("SELECT f.drone_id, e.* FROM flight_event e JOIN flight f ON f.id = e.flight_id "
					+ "WHERE e.flight_id = ? ORDER BY e.event_no")
			.param(id)
			.query(this::entry)
			.list();
	}

	/**
	 * Hands every recorded state of a flight, in {@code seq} order, to a consumer,
	 * reading a few hundred rows at a time: never the whole flight in memory.
	 * @param flight the flight
	 * @param sink receives each state
	 */
	void streamTelemetry(Flight flight, Consumer<DroneState> sink) {
		this.transactions.executeWithoutResult((status) -> this.rows.query(FLIGHT_TELEMETRY,
				(ResultSet rs) -> sink.accept(state(flight.droneId(), rs)), flight.id()));
	}

	/**
	 * One page of a flight's recorded states, in {@code seq} order, through the primary
	 * key: ask again after the last {@code seq} of a page for the next.
	 * @param flight the flight
	 * @param afterSeq only states with a greater {@code seq}
	 * @param fromMillis only states recorded at or after this time, epoch milliseconds
	 * @param toMillis only states recorded at or before this time, epoch milliseconds
	 * @param limit the most states to read
	 * @return the states, fewer than {@code limit} once the flight has no more
	 */
	public List<DroneState> states(Flight flight, long afterSeq, long fromMillis, long toMillis, int limit) {
		return this.jdbc
			.sql("SELECT " + STATE_COLUMNS + " FROM flight_state WHERE flight_id = ? AND seq > ? "
					+ "AND recorded_at BETWEEN ? AND ? ORDER BY seq LIMIT ?")
			.params(flight.id(), afterSeq, fromMillis, toMillis, limit)
			.query((rs, row) -> state(flight.droneId(), rs))
			.list();
	}

	/**
	 * When a flight's latest recorded state was computed.
	 * @param id the flight's id
	 * @return epoch milliseconds, or empty if it has no state recorded
	 */
	public Optional<Long> lastStateAt(UUID id) {
		return this.jdbc.sql("SELECT MAX(recorded_at) FROM flight_state WHERE flight_id = ?")
			.param(id)
			.query(Long.class)
			.optional();
	}

	/**
	 * Deletes a flight with its states and events.
	 * @param id the flight
	 * @return whether it existed
	 */
	boolean delete(UUID id) {
		return this.jdbc.sql("DELETE FROM flight WHERE id = ?").param(id).update() > 0;
	}

	/**
	 * Deletes the flights that ended before a time.
	 * @param cutoffMillis epoch milliseconds
	 * @return how many were deleted
	 */
	int deleteEndedBefore(long cutoffMillis) {
		return this.jdbc.sql("DELETE FROM flight WHERE ended_at IS NOT NULL AND ended_at < ?")
			.param(cutoffMillis)
			.update();
	}

	/**
	 * Deletes ended flights, oldest first, until all flights together hold at most a
	 * number of states; flights under way are never deleted.
	 * @param maxStates the most states to keep
	 * @return how many flights were deleted
	 */
	int deleteOldestBeyond(long maxStates) {
		long total = this.jdbc.sql("SELECT COALESCE(SUM(frames), 0) FROM flight").query(Long.class).single();
		int deleted = 0;
		if (total <= maxStates) {
			return deleted;
		}
		List<Flight> oldestFirst = this.jdbc
			.sql("SELECT * FROM flight WHERE ended_at IS NOT NULL ORDER BY started_at, id")
			.query(this::flight)
			.list();
		for (Flight flight : oldestFirst) {
			if (total <= maxStates) {
				break;
			}
			if (delete(flight.id())) {
				total -= flight.frames();
				deleted++;
			}
		}
		return deleted;
	}

	/**
	 * Brings the batch's flights up to date in one batch statement, and inserts those
	 * that are new.
	 */
	private void upsert(RecorderBatch batch) {
		List<Flight> flights = batch.flights();
		int[] updated = this.rows.batchUpdate(
				"UPDATE flight SET pilots = ?, ended_at = ?, end_reason = ?, max_altitude = ?, distance = ?, "
						+ "battery_used = ?, frames = frames + ? WHERE id = ?",
				flights.stream()
					.map((flight) -> new Object[] { pilots(flight), flight.endedAt(), flight.endReason(),
							flight.maxAltitude(), flight.distance(), flight.batteryUsed(), batch.statesOf(flight.id()),
							flight.id() })
					.toList());
		for (int i = 0; i < flights.size(); i++) {
			if (updated[i] == 0) {
				Flight flight = flights.get(i);
				this.jdbc
					.sql("INSERT INTO flight (id, drone_id, pilots, started_at, ended_at, end_reason, max_altitude, "
							+ "distance, battery_used, frames) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
					.params(flight.id(), flight.droneId(), pilots(flight), flight.startedAt(), flight.endedAt(),
							flight.endReason(), flight.maxAltitude(), flight.distance(), flight.batteryUsed(),
							batch.statesOf(flight.id()))
					.update();
			}
		}
	}

	private void insertStates(List<StateRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.rows.batchUpdate(
				"INSERT INTO flight_state (flight_id, " + STATE_COLUMNS
						+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				rows, rows.size(), (PreparedStatement ps, StateRow row) -> {
					DroneState state = row.state();
					ps.setObject(1, row.flightId());
					ps.setLong(2, state.seq());
					ps.setLong(3, state.timestamp());
					ps.setString(4, state.mode().name());
					ps.setBoolean(5, state.armed());
					ps.setDouble(6, state.position().lat());
					ps.setDouble(7, state.position().lon());
					ps.setDouble(8, state.position().alt());
					ps.setDouble(9, state.velocity().north());
					ps.setDouble(10, state.velocity().east());
					ps.setDouble(11, state.velocity().up());
					ps.setDouble(12, state.groundSpeed());
					ps.setDouble(13, state.heading());
					ps.setDouble(14, state.battery().percent());
					ps.setDouble(15, state.battery().voltage());
					ps.setDouble(16, state.home().lat());
					ps.setDouble(17, state.home().lon());
					ps.setString(18, state.pilot());
					ps.setString(19, (state.failsafe() != null) ? state.failsafe().name() : null);
				});
	}

	private void insertEvents(List<EventRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.rows.batchUpdate(
				"INSERT INTO flight_event (flight_id, event_no, occurred_at, kind, type, pilot, detail, request, reply) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				rows, rows.size(), (PreparedStatement ps, EventRow row) -> {
					FlightLogEntry entry = row.entry();
					ps.setObject(1, row.flightId());
					ps.setInt(2, row.eventNo());
					ps.setLong(3, entry.timestamp());
					ps.setString(4, entry.kind().name());
					ps.setString(5, entry.type());
					ps.setString(6, entry.pilot());
					ps.setString(7, entry.detail());
					ps.setString(8, (entry.request() != null) ? this.json.writeValueAsString(entry.request()) : null);
					ps.setString(9, (entry.reply() != null) ? this.json.writeValueAsString(entry.reply()) : null);
				});
	}

	private FlightLogEntry entry(ResultSet rs, int row) throws SQLException {
		String request = rs.getString("request");
		String reply = rs.getString("reply");
		return new FlightLogEntry(FlightLogEntry.Kind.valueOf(rs.getString("kind")), rs.getLong("occurred_at"),
				rs.getString("drone_id"), rs.getString("pilot"), rs.getString("type"), rs.getString("detail"),
				(request != null) ? this.json.readTree(request) : null,
				(reply != null) ? this.json.readValue(reply, CommandReply.class) : null);
	}

	private String pilots(Flight flight) {
		return this.json.writeValueAsString(flight.pilots());
	}

	private Flight flight(ResultSet rs, int row) throws SQLException {
		return new Flight(rs.getObject("id", UUID.class), rs.getString("drone_id"),
				this.json.readValue(rs.getString("pilots"), NAMES), rs.getLong("started_at"),
				rs.getObject("ended_at", Long.class), rs.getString("end_reason"), rs.getDouble("max_altitude"),
				rs.getDouble("distance"), rs.getDouble("battery_used"), rs.getLong("frames"));
	}

	private static DroneState state(String droneId, ResultSet rs) throws SQLException {
		String failsafe = rs.getString("failsafe");
		return new DroneState(droneId, rs.getLong("seq"), rs.getLong("recorded_at"),
				FlightMode.valueOf(rs.getString("mode")), rs.getBoolean("armed"),
				new Position(rs.getDouble("lat"), rs.getDouble("lon"), rs.getDouble("alt")),
				new Velocity(rs.getDouble("velocity_north"), rs.getDouble("velocity_east"),
						rs.getDouble("velocity_up")),
				rs.getDouble("ground_speed"), rs.getDouble("heading"),
				new Battery(rs.getDouble("battery_percent"), rs.getDouble("battery_voltage")),
				new GeoPoint(rs.getDouble("home_lat"), rs.getDouble("home_lon")), rs.getString("pilot"),
				(failsafe != null) ? Failsafe.valueOf(failsafe) : null, null, null);
	}

}
