package io.dronehub.foxglove;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;

import io.dronehub.flight.DroneState;
import io.dronehub.flight.FleetEvent;
import io.dronehub.flight.FleetListener;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands states and events to the Foxglove connections: this node's each tick and, on a
 * node of a cluster, the other nodes' as they arrive. Advertises the channels of drones
 * that appear and unadvertises those of drones that go, serialises each state, its
 * location fix and each event once per tick, and gives each connection what it subscribed
 * to, with the hub's time. Called on the simulation thread (and the cluster's telemetry
 * and broker threads); new connections join from their own threads, under this object's
 * lock so that each sees its channels advertised exactly once.
 */
public final class FoxgloveBridge implements FleetListener {

	private static final long NANOS_PER_MILLI = 1_000_000L;

	private final FoxgloveChannels channels = new FoxgloveChannels();

	private final Set<FoxgloveClient> clients = new CopyOnWriteArraySet<>();

	private final JsonMapper json;

	private final String sessionId = UUID.randomUUID().toString();

	FoxgloveBridge(JsonMapper json) {
		this.json = json;
	}

	/**
	 * A connection opened: it gets the server's info and the channels.
	 * @param client the connection
	 */
	synchronized void join(FoxgloveClient client) {
		client.send(FoxgloveMessages.serverInfo("Drone Telemetry Hub", this.sessionId, List.of("time")));
		client.send(FoxgloveMessages.advertise(this.channels.all()));
		this.clients.add(client);
	}

	void leave(FoxgloveClient client) {
		this.clients.remove(client);
	}

	int connections() {
		return this.clients.size();
	}

	int subscriptions() {
		return this.clients.stream().mapToInt(FoxgloveClient::subscriptionCount).sum();
	}

	synchronized boolean exists(int channel) {
		return this.channels.exists(channel);
	}

	@Override
	public void statesComputed(List<DroneState> states) {
		List<FoxgloveChannels.@Nullable Ids> ids = new ArrayList<>(states.size());
		synchronized (this) {
			FoxgloveChannels.Changes changes = this.channels.update(states);
			states.forEach((state) -> ids.add(this.channels.of(state.droneId())));
			if (!changes.removed().isEmpty()) {
				String unadvertise = FoxgloveMessages.unadvertise(changes.removed());
				for (FoxgloveClient client : this.clients) {
					changes.removed().forEach(client::unadvertised);
					client.send(unadvertise);
				}
			}
			if (!changes.added().isEmpty()) {
				String advertise = FoxgloveMessages.advertise(changes.added());
				this.clients.forEach((client) -> client.send(advertise));
			}
		}
		if (this.clients.isEmpty()) {
			return;
		}
		long newest = 0;
		for (int i = 0; i < states.size(); i++) {
			DroneState state = states.get(i);
			FoxgloveChannels.Ids channels = ids.get(i);
			if (channels == null) {
				continue;
			}
			long nanos = state.timestamp() * NANOS_PER_MILLI;
			newest = Math.max(newest, nanos);
			byte[] telemetry = null;
			byte[] location = null;
			for (FoxgloveClient client : this.clients) {
				if (!client.subscribed()) {
					continue;
				}
				if (telemetry == null) {
					telemetry = this.json.writeValueAsBytes(state);
					location = this.json.writeValueAsBytes(LocationFix.of(state));
				}
				client.publish(channels.telemetry(), nanos, telemetry, true);
				client.publish(channels.location(), nanos, location, true);
			}
		}
		for (FoxgloveClient client : this.clients) {
			client.time(newest);
		}
	}

	@Override
	public void eventsOccurred(List<FleetEvent> events) {
		if (this.clients.isEmpty()) {
			return;
		}
		int channel = this.channels.events().id();
		for (FleetEvent event : events) {
			byte[] payload = this.json.writeValueAsBytes(event);
			long nanos = event.timestamp() * NANOS_PER_MILLI;
			this.clients.forEach((client) -> client.publish(channel, nanos, payload, false));
		}
	}

}
