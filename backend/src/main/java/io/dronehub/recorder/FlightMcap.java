package io.dronehub.recorder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.dronehub.apidocs.PayloadSchemas;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.FleetEvent;
import io.dronehub.foxglove.LocationFix;
import io.dronehub.recorder.mcap.McapWriter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a recorded flight as an MCAP file that Foxglove and Lichtblick open: the states
 * on {@code /drones/{droneId}/telemetry} as {@code dronehub.DroneState}, the same states
 * on {@code /drones/{droneId}/location} as {@code foxglove.LocationFix} for the map, the
 * flight's events on {@code /events} as {@code dronehub.FleetEvent}, and its whole log
 * (events, commands and control requests) on {@code /log} as {@code foxglove.Log} for the
 * Log panel. Telemetry and events are the wire JSON, their schemas the JSON Schemas of
 * the AsyncAPI document, standalone. Log and publish time are the state's or entry's
 * timestamp in nanoseconds since the epoch; log entries are interleaved with the states
 * by time, an entry before a state of the same millisecond, so the file is in log time
 * order. Thread-safe.
 */
final class FlightMcap {

	/** The topic of a flight's events. */
	static final String EVENTS_TOPIC = "/events";

	/** The topic of a flight's log for Foxglove's Log panel. */
	static final String LOG_TOPIC = "/log";

	private static final long NANOS_PER_MILLI = 1_000_000;

	private final JsonMapper json;

	private final byte[] stateSchema;

	private final byte[] eventSchema;

	private final byte[] locationFixSchema;

	private final byte[] logSchema;

	FlightMcap(JsonMapper json) {
		this.json = json;
		this.stateSchema = json.writeValueAsBytes(PayloadSchemas.standalone(DroneState.class));
		this.eventSchema = json.writeValueAsBytes(PayloadSchemas.standalone(FleetEvent.class));
		this.locationFixSchema = resource("/foxglove/LocationFix.json");
		this.logSchema = resource("/foxglove/Log.json");
	}

	static String telemetryTopic(String droneId) {
		return "/drones/" + droneId + "/telemetry";
	}

	static String locationTopic(String droneId) {
		return "/drones/" + droneId + "/location";
	}

	/**
	 * Writes a flight, one state at a time as the states arrive.
	 * @param flight the flight
	 * @param log its log, oldest first
	 * @param states hands each state of the flight, oldest first, to the consumer it is
	 * given
	 * @param stream where the file goes; left open
	 * @throws IOException if the stream fails
	 */
	void write(Flight flight, List<FlightLogEntry> log, Consumer<Consumer<DroneState>> states, OutputStream stream)
			throws IOException {
		McapWriter mcap = new McapWriter(stream);
		Map<String, String> metadata = Map.of("droneId", flight.droneId(), "flightId", flight.id().toString());
		int telemetry = mcap.addChannel(mcap.addSchema("dronehub.DroneState", "jsonschema", this.stateSchema),
				telemetryTopic(flight.droneId()), "json", metadata);
		int location = mcap.addChannel(mcap.addSchema("foxglove.LocationFix", "jsonschema", this.locationFixSchema),
				locationTopic(flight.droneId()), "json", metadata);
		int eventChannel = mcap.addChannel(mcap.addSchema("dronehub.FleetEvent", "jsonschema", this.eventSchema),
				EVENTS_TOPIC, "json", metadata);
		int logChannel = mcap.addChannel(mcap.addSchema("foxglove.Log", "jsonschema", this.logSchema), LOG_TOPIC,
				"json", metadata);
		LogByTime pending = new LogByTime(mcap, eventChannel, logChannel, log);
		try {
			states.accept((state) -> {
				try {
					pending.writeUntil(state.timestamp());
					long nanos = state.timestamp() * NANOS_PER_MILLI;
					// MCAP's sequence is a uint32, which wraps
					long sequence = state.seq() & 0xFFFF_FFFFL;
					mcap.addMessage(telemetry, sequence, nanos, nanos, this.json.writeValueAsBytes(state));
					mcap.addMessage(location, sequence, nanos, nanos,
							this.json.writeValueAsBytes(LocationFix.of(state)));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		pending.writeUntil(Long.MAX_VALUE);
		mcap.close();
	}

	private static byte[] resource(String path) {
		try (InputStream in = FlightMcap.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("No resource " + path + " on the class path");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The log entries not yet written, each written once the states reach its time. */
	private final class LogByTime {

		private final McapWriter mcap;

		private final int eventChannel;

		private final int logChannel;

		private final Iterator<FlightLogEntry> entries;

		private long events;

		private long lines;

		private @Nullable FlightLogEntry next;

		LogByTime(McapWriter mcap, int eventChannel, int logChannel, List<FlightLogEntry> log) {
			this.mcap = mcap;
			this.eventChannel = eventChannel;
			this.logChannel = logChannel;
			this.entries = log.iterator();
			this.next = this.entries.hasNext() ? this.entries.next() : null;
		}

		void writeUntil(long millis) throws IOException {
			for (FlightLogEntry entry = this.next; entry != null && entry.timestamp() <= millis; entry = this.next) {
				long nanos = entry.timestamp() * NANOS_PER_MILLI;
				FleetEvent event = entry.event();
				if (event != null) {
					this.mcap.addMessage(this.eventChannel, this.events++, nanos, nanos, json.writeValueAsBytes(event));
				}
				this.mcap.addMessage(this.logChannel, this.lines++, nanos, nanos,
						json.writeValueAsBytes(LogMessage.of(entry)));
				this.next = this.entries.hasNext() ? this.entries.next() : null;
			}
		}

	}

}
