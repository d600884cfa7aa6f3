package io.dronehub.recorder;

import java.io.IOException;
import java.io.Writer;

import io.dronehub.flight.DroneState;
import org.jspecify.annotations.Nullable;

/**
 * Writes telemetry states as CSV: a header row, then one row per state with one flat
 * column per field of the wire record, in its order ({@code position.lat}, …), as
 * PlotJuggler and spreadsheets read it.
 */
final class TelemetryCsv {

	static final String HEADER = "droneId,seq,timestamp,mode,armed,position.lat,position.lon,position.alt,"
			+ "velocity.north,velocity.east,velocity.up,groundSpeed,heading,battery.percent,battery.voltage,"
			+ "home.lat,home.lon,pilot,failsafe\n";

	private TelemetryCsv() {
	}

	static void header(Writer out) throws IOException {
		out.write(HEADER);
	}

	static void row(DroneState state, Writer out) throws IOException {
		StringBuilder row = new StringBuilder(200);
		row.append(text(state.droneId())).append(',').append(state.seq()).append(',').append(state.timestamp());
		row.append(',').append(state.mode()).append(',').append(state.armed());
		row.append(',').append(state.position().lat()).append(',').append(state.position().lon());
		row.append(',').append(state.position().alt());
		row.append(',').append(state.velocity().north()).append(',').append(state.velocity().east());
		row.append(',').append(state.velocity().up());
		row.append(',').append(state.groundSpeed()).append(',').append(state.heading());
		row.append(',').append(state.battery().percent()).append(',').append(state.battery().voltage());
		row.append(',').append(state.home().lat()).append(',').append(state.home().lon());
		row.append(',').append(text(state.pilot()));
		row.append(',').append((state.failsafe() != null) ? state.failsafe().name() : "");
		out.write(row.append('\n').toString());
	}

	/**
	 * A text field, quoted as RFC 4180 says when it holds a comma, a quote or a line
	 * break.
	 */
	private static String text(@Nullable String value) {
		if (value == null) {
			return "";
		}
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return value;
		}
		return '"' + value.replace("\"", "\"\"") + '"';
	}

}
