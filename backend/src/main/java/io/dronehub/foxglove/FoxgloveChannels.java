package io.dronehub.foxglove;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dronehub.apidocs.PayloadSchemas;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.FleetEvent;
import org.jspecify.annotations.Nullable;

/**
 * The channels the hub offers over the Foxglove WebSocket protocol: {@code /events}, and
 * for each drone {@code /drones/{id}/telemetry} (the wire telemetry) and
 * {@code /drones/{id}/location} ({@code foxglove.LocationFix}, for the map panel). The
 * schemas of the hub's own messages are generated from the records of the AsyncAPI
 * document; {@code foxglove.LocationFix} is Foxglove's own. A drone keeps its channel ids
 * if it goes away and comes back. Used by the simulation thread and the threads of new
 * connections, under the {@link FoxgloveBridge}'s lock.
 */
final class FoxgloveChannels {

	static final String EVENTS_TOPIC = "/events";

	/** How long without a state, in the states' time, before a drone's channels go. */
	static final long GONE_AFTER_MILLIS = 10_000;

	private final String stateSchema = PayloadSchemas.standalone(DroneState.class).toString();

	private final String locationSchema = resource("/foxglove/LocationFix.json");

	private final FoxgloveChannel events = new FoxgloveChannel(1, EVENTS_TOPIC, "dronehub.FleetEvent",
			PayloadSchemas.standalone(FleetEvent.class).toString());

	private final Map<String, Ids> ids = new LinkedHashMap<>();

	private final Map<String, Ids> advertised = new LinkedHashMap<>();

	private final Map<String, Long> lastSeen = new HashMap<>();

	private long newest;

	private int nextId = 2;

	/**
	 * The channels now advertised.
	 * @return the events channel, then each drone's two
	 */
	List<FoxgloveChannel> all() {
		List<FoxgloveChannel> all = new ArrayList<>(List.of(this.events));
		this.advertised.forEach((drone, channels) -> all.addAll(channels(drone, channels)));
		return all;
	}

	FoxgloveChannel events() {
		return this.events;
	}

	/**
	 * Follows the drones whose states arrive: a drone is advertised with its first state,
	 * and unadvertised once {@link #GONE_AFTER_MILLIS} pass, in the states' own time,
	 * without one. States may come a few drones at a time (on a node of a cluster, this
	 * node's drones each tick and the other nodes' as they arrive).
	 * @param states the states that arrived
	 * @return the channels to advertise and to unadvertise
	 */
	Changes update(Collection<DroneState> states) {
		List<FoxgloveChannel> added = new ArrayList<>();
		List<Integer> removed = new ArrayList<>();
		for (DroneState state : states) {
			this.newest = Math.max(this.newest, state.timestamp());
			this.lastSeen.put(state.droneId(), state.timestamp());
			if (!this.advertised.containsKey(state.droneId())) {
				Ids channels = this.ids.computeIfAbsent(state.droneId(),
						(key) -> new Ids(this.nextId++, this.nextId++));
				this.advertised.put(state.droneId(), channels);
				added.addAll(channels(state.droneId(), channels));
			}
		}
		this.advertised.entrySet().removeIf((entry) -> {
			if (this.newest - this.lastSeen.getOrDefault(entry.getKey(), this.newest) < GONE_AFTER_MILLIS) {
				return false;
			}
			removed.add(entry.getValue().telemetry());
			removed.add(entry.getValue().location());
			return true;
		});
		return new Changes(added, removed);
	}

	/**
	 * The channel ids of a drone that is advertised.
	 * @param drone the drone
	 * @return its ids, or {@code null}
	 */
	@Nullable Ids of(String drone) {
		return this.advertised.get(drone);
	}

	/**
	 * Whether a channel is advertised.
	 * @param id the channel id
	 * @return {@code true} for the events channel and the current drones' channels
	 */
	boolean exists(int id) {
		return id == this.events.id() || this.advertised.values()
			.stream()
			.anyMatch((channels) -> channels.telemetry() == id || channels.location() == id);
	}

	private List<FoxgloveChannel> channels(String drone, Ids channels) {
		return List.of(
				new FoxgloveChannel(channels.telemetry(), "/drones/" + drone + "/telemetry", "dronehub.DroneState",
						this.stateSchema),
				new FoxgloveChannel(channels.location(), "/drones/" + drone + "/location", "foxglove.LocationFix",
						this.locationSchema));
	}

	private static String resource(String name) {
		try (InputStream in = FoxgloveChannels.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException(name + " is missing");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A drone's two channels.
	 *
	 * @param telemetry the id of {@code /drones/{id}/telemetry}
	 * @param location the id of {@code /drones/{id}/location}
	 */
	record Ids(int telemetry, int location) {
	}

	/**
	 * What a tick changed.
	 *
	 * @param added channels to advertise
	 * @param removed channel ids to unadvertise
	 */
	record Changes(List<FoxgloveChannel> added, List<Integer> removed) {
	}

}
