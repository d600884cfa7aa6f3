package io.dronehub.recorder;

import java.util.Locale;

import io.dronehub.command.CommandReply;
import io.dronehub.flight.EventType;
import io.dronehub.foxglove.FoxgloveTime;

/**
 * One line of a flight's log as Foxglove's {@code foxglove.Log} message (the schema in
 * {@code foxglove/Log.json}), which the Log panels of Foxglove and Lichtblick list and
 * filter by level and name. The name is the drone's id and what the line records, e.g.
 * {@code d1/command}; refusals and failsafes are warnings, the rest information. There is
 * no source file or line.
 *
 * @param timestamp when it happened
 * @param level {@link #INFO} or {@link #WARNING}
 * @param message the line
 * @param name e.g. {@code d1/event}
 * @param file empty
 * @param line zero
 */
record LogMessage(FoxgloveTime timestamp, int level, String message, String name, String file, int line) {

	/** {@code foxglove.LogLevel} INFO. */
	static final int INFO = 2;

	/** {@code foxglove.LogLevel} WARNING. */
	static final int WARNING = 3;

	static LogMessage of(FlightLogEntry entry) {
		String message = (entry.kind() == FlightLogEntry.Kind.EVENT) ? entry.type() + ": " + entry.detail()
				: entry.detail();
		return new LogMessage(FoxgloveTime.ofEpochMillis(entry.timestamp()), warns(entry) ? WARNING : INFO, message,
				entry.droneId() + "/" + entry.kind().name().toLowerCase(Locale.ROOT), "", 0);
	}

	private static boolean warns(FlightLogEntry entry) {
		CommandReply reply = entry.reply();
		if (reply != null) {
			return reply.status() == CommandReply.Status.REJECTED;
		}
		return entry.type().equals(EventType.FAILSAFE.name()) || entry.type().equals(EventType.COMMAND_REJECTED.name());
	}

}
