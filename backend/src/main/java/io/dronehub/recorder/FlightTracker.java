package io.dronehub.recorder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.dronehub.flight.DroneState;
import io.dronehub.flight.FleetEvent;
import io.dronehub.flight.Position;
import org.jspecify.annotations.Nullable;

/**
 * Tells flights apart in the stream of states and log entries (events, commands and
 * control requests), and keeps each flight's summary figures. A flight starts with the
 * first armed state of a drone and ends with its first disarmed state after that, which
 * still belongs to it, or when the hub stops. Its log holds the entries of its drone from
 * the tick before its first state (the ARM that started it) to the end of the tick of its
 * last (the touchdown that ended it).
 * <p>
 * On a node of a cluster a flight follows its drone from node to node: a drone missing
 * from a tick moved to another node, and its flight is left open for that node; a drone
 * that arrives armed carries on its drone's open flight as recorded so far, when that
 * flight's last state is recent enough to be the same flight.
 * <p>
 * Owned by the recorder's thread.
 */
final class FlightTracker {

	/** Metres per degree of latitude, and of longitude at the equator. */
	private static final double METERS_PER_DEGREE = Math.toRadians(1) * 6_371_000;

	/**
	 * How many numbers of a flight's log a node that carries it on leaves free: entries
	 * that the node before still had on their way to the database keep their place before
	 * this node's.
	 */
	static final int ENTRIES_IN_TRANSIT = 10_000;

	private final Supplier<UUID> ids;

	private final Function<String, Optional<FlightSoFar>> openFlights;

	private final long carryOnWithinMillis;

	private final Map<String, OpenFlight> open = new HashMap<>();

	/**
	 * Flights that ended, or left with their drone, with the latest tick: entries of that
	 * tick still join them.
	 */
	private final Map<String, OpenFlight> ended = new HashMap<>();

	/** Log entries of drones not flying, since their latest state. */
	private final Map<String, List<FlightLogEntry>> waiting = new HashMap<>();

	/**
	 * Creates the tracker of a single hub, on which every flight starts here.
	 * @param ids the ids of new flights
	 */
	FlightTracker(Supplier<UUID> ids) {
		this(ids, (droneId) -> Optional.empty(), 0);
	}

	/**
	 * Creates the tracker of a node of a cluster.
	 * @param ids the ids of new flights
	 * @param openFlights a drone's flight under way as recorded so far, by any node
	 * @param carryOnWithinMillis how long after its last recorded state a flight may be
	 * carried on: a drone armed later than that starts a flight of its own
	 */
	FlightTracker(Supplier<UUID> ids, Function<String, Optional<FlightSoFar>> openFlights, long carryOnWithinMillis) {
		this.ids = ids;
		this.openFlights = openFlights;
		this.carryOnWithinMillis = carryOnWithinMillis;
	}

	/**
	 * Adds a tick's states to the flights they belong to, starting and ending flights.
	 * @param states one tick's states
	 * @param batch receives the states kept and the summaries of the flights touched
	 */
	void states(List<DroneState> states, RecorderBatch batch) {
		this.ended.clear();
		for (DroneState state : states) {
			List<FlightLogEntry> before = this.waiting.remove(state.droneId());
			OpenFlight flight = this.open.get(state.droneId());
			if (flight == null && state.armed()) {
				flight = carryOn(state).orElseGet(() -> new OpenFlight(this.ids.get(), state));
				this.open.put(state.droneId(), flight);
				if (before != null) {
					before.forEach(flight.log(batch));
				}
			}
			if (flight == null || state.seq() <= flight.lastSeq) {
				// not flying, or a state the node before this one has recorded already
				continue;
			}
			flight.add(state);
			batch.state(flight.id, state);
			if (!state.armed()) {
				flight.end(state.timestamp(), (state.failsafe() != null) ? state.failsafe().name() : Flight.DISARMED);
				this.open.remove(state.droneId());
				this.ended.put(state.droneId(), flight);
			}
			batch.flight(flight.summary());
		}
		leaveHandedOver(states);
		// what is left names no drone of this tick, such as a command for an unknown id
		this.waiting.clear();
	}

	/**
	 * The open flight of a drone that arrived armed from another node, if it is recent
	 * enough to be the one it flies.
	 */
	private Optional<OpenFlight> carryOn(DroneState first) {
		return this.openFlights.apply(first.droneId())
			.filter((soFar) -> first.timestamp() - soFar.lastTimestamp() <= this.carryOnWithinMillis)
			.map(OpenFlight::new);
	}

	/**
	 * Stops tracking the flights of drones missing from a tick, drones that this node of
	 * a cluster no longer simulates: the node that has them now carries them on.
	 */
	private void leaveHandedOver(List<DroneState> states) {
		this.open.values().removeIf((flight) -> {
			if (states.stream().anyMatch((state) -> state.droneId().equals(flight.droneId))) {
				return false;
			}
			this.ended.put(flight.droneId, flight);
			return true;
		});
	}

	/**
	 * Adds events to the logs of the flights of the drones they concern. Events about the
	 * whole hub are not kept.
	 * @param events events in the order they happened
	 * @param batch receives the entries kept, and the summaries of their flights
	 * @see #entry
	 */
	void events(List<FleetEvent> events, RecorderBatch batch) {
		for (FleetEvent event : events) {
			String droneId = event.droneId();
			if (droneId != null) {
				entry(FlightLogEntry.of(event, droneId), batch);
			}
		}
	}

	/**
	 * Adds an entry to the log of the flight of its drone; an entry of a drone not flying
	 * waits for the drone's next state, which keeps it if it starts a flight.
	 * @param entry the entry
	 * @param batch receives the entry if kept, and the summary of its flight
	 */
	void entry(FlightLogEntry entry, RecorderBatch batch) {
		OpenFlight flight = this.open.getOrDefault(entry.droneId(), this.ended.get(entry.droneId()));
		if (flight != null) {
			flight.log(batch).accept(entry);
			batch.flight(flight.summary());
		}
		else {
			this.waiting.computeIfAbsent(entry.droneId(), (id) -> new ArrayList<>()).add(entry);
		}
	}

	/**
	 * Ends every flight under way, as when the hub stops.
	 * @param now the end time, epoch milliseconds
	 * @param batch receives the final summaries
	 */
	void endAll(long now, RecorderBatch batch) {
		for (OpenFlight flight : this.open.values()) {
			flight.end(now, Flight.HUB_STOPPED);
			batch.flight(flight.summary());
		}
		this.open.clear();
	}

	/** How many flights are under way. */
	int flying() {
		return this.open.size();
	}

	/** A flight under way and its running figures. */
	private static final class OpenFlight {

		private final UUID id;

		private final String droneId;

		private final long startedAt;

		private final double startBatteryPercent;

		private final Set<String> pilots = new LinkedHashSet<>();

		private @Nullable Position last;

		private long lastSeq = Long.MIN_VALUE;

		private long lastTimestamp;

		private double maxAltitude;

		private double distance;

		private double batteryPercent;

		private long frames;

		private int entries;

		private @Nullable Long endedAt;

		private @Nullable String endReason;

		OpenFlight(UUID id, DroneState first) {
			this.id = id;
			this.droneId = first.droneId();
			this.startedAt = first.timestamp();
			this.startBatteryPercent = first.battery().percent();
		}

		/** Carries on a flight recorded so far, its log numbered after a gap. */
		OpenFlight(FlightSoFar soFar) {
			Flight flight = soFar.flight();
			this.id = flight.id();
			this.droneId = flight.droneId();
			this.startedAt = flight.startedAt();
			this.startBatteryPercent = soFar.lastBatteryPercent() + flight.batteryUsed();
			this.pilots.addAll(flight.pilots());
			this.last = soFar.lastPosition();
			this.lastSeq = soFar.lastSeq();
			this.lastTimestamp = soFar.lastTimestamp();
			this.maxAltitude = flight.maxAltitude();
			this.distance = flight.distance();
			this.batteryPercent = soFar.lastBatteryPercent();
			this.frames = flight.frames();
			this.entries = soFar.entries() + ENTRIES_IN_TRANSIT;
		}

		void add(DroneState state) {
			Position position = state.position();
			if (this.last != null) {
				this.distance += metersBetween(this.last, position);
			}
			this.last = position;
			this.lastSeq = state.seq();
			this.lastTimestamp = state.timestamp();
			this.maxAltitude = Math.max(this.maxAltitude, position.alt());
			this.batteryPercent = state.battery().percent();
			if (state.pilot() != null) {
				this.pilots.add(state.pilot());
			}
			this.frames++;
		}

		/** Adds entries to this flight's log, numbered in order. */
		Consumer<FlightLogEntry> log(RecorderBatch batch) {
			return (entry) -> batch.event(this.id, this.entries++, entry);
		}

		void end(long at, String reason) {
			this.endedAt = at;
			this.endReason = reason;
		}

		Flight summary() {
			return new Flight(this.id, this.droneId, List.copyOf(this.pilots), this.startedAt, this.endedAt,
					this.endReason, this.maxAltitude, round(this.distance),
					round(Math.max(0, this.startBatteryPercent - this.batteryPercent)), this.frames);
		}

		private static double metersBetween(Position from, Position to) {
			double north = (to.lat() - from.lat()) * METERS_PER_DEGREE;
			double east = (to.lon() - from.lon()) * METERS_PER_DEGREE * Math.cos(Math.toRadians(from.lat()));
			double up = to.alt() - from.alt();
			return Math.sqrt(north * north + east * east + up * up);
		}

		private static double round(double value) {
			return Math.round(value * 100) / 100.0;
		}

	}

}
