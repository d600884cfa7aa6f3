package io.dronehub.benchmark.generator;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Keeps count of the generator's connections: how many are ready, how many failed or
 * closed, whether permessage-deflate was negotiated, and the first errors seen. Owned by
 * the event-loop thread.
 */
final class ConnectionRegistry {

	private static final int KEPT_ERRORS = 3;

	private final List<StompConnection> connections = new ArrayList<>();

	private final List<String> errors = new ArrayList<>();

	private boolean shuttingDown;

	private int ready;

	private int failed;

	private int handshakes;

	private int deflated;

	private long firstReadyNanos;

	private long lastReadyNanos;

	private @Nullable DeliveryStats healthy;

	private @Nullable DeliveryStats stalled;

	private @Nullable DeliveryStats throttled;

	/**
	 * Routes closings of spectators to the stats of their group.
	 * @param healthy the healthy spectators' stats
	 * @param stalled the stalled spectators' stats
	 * @param throttled the rate-limited spectators' stats
	 */
	void groups(DeliveryStats healthy, DeliveryStats stalled, DeliveryStats throttled) {
		this.healthy = healthy;
		this.stalled = stalled;
		this.throttled = throttled;
	}

	void handshakeCompleted(boolean deflateNegotiated) {
		this.handshakes++;
		if (deflateNegotiated) {
			this.deflated++;
		}
	}

	void ready(StompConnection connection) {
		long now = System.nanoTime();
		if (this.ready == 0) {
			this.firstReadyNanos = now;
		}
		this.lastReadyNanos = now;
		this.ready++;
		this.connections.add(connection);
	}

	void failed(String reason) {
		this.failed++;
		error(reason);
	}

	void error(String message) {
		if (!this.shuttingDown && this.errors.size() < KEPT_ERRORS && !this.errors.contains(message)) {
			this.errors.add(message);
		}
	}

	void closed(StompConnection connection) {
		this.connections.remove(connection);
		if (this.shuttingDown) {
			return;
		}
		if (connection instanceof SpectatorConnection spectator) {
			DeliveryStats stats = spectator.stalled() ? this.stalled
					: spectator.rateLimited() ? this.throttled : this.healthy;
			if (stats != null) {
				stats.recordDisconnection();
			}
		}
		else if (connection instanceof FoxgloveSpectator && this.healthy != null) {
			this.healthy.recordDisconnection();
		}
	}

	/**
	 * Stops counting closings as disconnections and returns the open connections.
	 * @return the connections to close
	 */
	List<StompConnection> shutDown() {
		this.shuttingDown = true;
		return List.copyOf(this.connections);
	}

	int ready() {
		return this.ready;
	}

	int failed() {
		return this.failed;
	}

	/**
	 * How many spectators (healthy or stalled) are connected.
	 * @return the count
	 */
	int openSpectators() {
		return (int) this.connections.stream()
			.filter((connection) -> connection instanceof SpectatorConnection
					|| connection instanceof FoxgloveSpectator)
			.count();
	}

	/**
	 * The stalled spectators still connected.
	 * @return those connections
	 */
	List<SpectatorConnection> openStalled() {
		return this.connections.stream()
			.filter(SpectatorConnection.class::isInstance)
			.map(SpectatorConnection.class::cast)
			.filter(SpectatorConnection::stalled)
			.toList();
	}

	int handshakes() {
		return this.handshakes;
	}

	int deflated() {
		return this.deflated;
	}

	double readySpanSeconds() {
		return (this.lastReadyNanos - this.firstReadyNanos) / 1e9;
	}

	List<String> errors() {
		return this.errors;
	}

}
