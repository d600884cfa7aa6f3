-- The flight recorder. Portable SQL for H2 (the embedded default) and PostgreSQL.
-- Telemetry is kept as numeric columns, one row per state: about 150 bytes a row, against
-- about 330 for the wire JSON, and every field can be filtered or summed in SQL.

CREATE TABLE flight (
	id UUID PRIMARY KEY,
	drone_id VARCHAR(64) NOT NULL,
	pilots VARCHAR(4000) NOT NULL,
	started_at BIGINT NOT NULL,
	ended_at BIGINT,
	end_reason VARCHAR(32),
	max_altitude DOUBLE PRECISION NOT NULL,
	distance DOUBLE PRECISION NOT NULL,
	battery_used DOUBLE PRECISION NOT NULL,
	frames BIGINT NOT NULL
);

-- GET /api/flights lists newest first, optionally for one drone
CREATE INDEX flight_by_start ON flight (started_at);
CREATE INDEX flight_by_drone ON flight (drone_id, started_at);

CREATE TABLE flight_state (
	flight_id UUID NOT NULL REFERENCES flight (id) ON DELETE CASCADE,
	seq BIGINT NOT NULL,
	recorded_at BIGINT NOT NULL,
	mode VARCHAR(16) NOT NULL,
	armed BOOLEAN NOT NULL,
	lat DOUBLE PRECISION NOT NULL,
	lon DOUBLE PRECISION NOT NULL,
	alt DOUBLE PRECISION NOT NULL,
	velocity_north DOUBLE PRECISION NOT NULL,
	velocity_east DOUBLE PRECISION NOT NULL,
	velocity_up DOUBLE PRECISION NOT NULL,
	ground_speed DOUBLE PRECISION NOT NULL,
	heading DOUBLE PRECISION NOT NULL,
	battery_percent DOUBLE PRECISION NOT NULL,
	battery_voltage DOUBLE PRECISION NOT NULL,
	home_lat DOUBLE PRECISION NOT NULL,
	home_lon DOUBLE PRECISION NOT NULL,
	pilot VARCHAR(64),
	failsafe VARCHAR(16),
	-- a flight's telemetry is read in seq order
	PRIMARY KEY (flight_id, seq)
);

CREATE TABLE flight_event (
	flight_id UUID NOT NULL REFERENCES flight (id) ON DELETE CASCADE,
	event_no INT NOT NULL,
	occurred_at BIGINT NOT NULL,
	type VARCHAR(32) NOT NULL,
	pilot VARCHAR(64),
	detail VARCHAR(2000) NOT NULL,
	PRIMARY KEY (flight_id, event_no)
);
