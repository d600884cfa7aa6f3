package io.dronehub.benchmark.generator;

import io.netty.channel.Channel;
import org.jspecify.annotations.Nullable;

/**
 * A spectator: subscribes to the telemetry topic and records every state it receives. A
 * stalled spectator stops reading after its first message, so the server sees its socket
 * back up, until it is resumed: then it reads what is buffered and sees whether the
 * server closed the connection meanwhile.
 */
final class SpectatorConnection extends StompConnection {

	private final SeqTracker sequences = new SeqTracker();

	private final DeliveryStats stats;

	private final String destination;

	private final int subscriptions;

	private final boolean stalled;

	private boolean resumed;

	/**
	 * Creates a spectator.
	 * @param registry tracks the connection
	 * @param stats where its deliveries are counted
	 * @param destination the telemetry topic
	 * @param subscriptions how many subscriptions to that topic it holds
	 * @param stalled whether it stops reading after its first message
	 * @param login CONNECT login, or {@code null}
	 * @param passcode CONNECT passcode, or {@code null}
	 */
	SpectatorConnection(ConnectionRegistry registry, DeliveryStats stats, String destination, int subscriptions,
			boolean stalled, @Nullable String login, @Nullable String passcode) {
		super(registry, login, passcode);
		this.stats = stats;
		this.destination = destination;
		this.subscriptions = subscriptions;
		this.stalled = stalled;
	}

	boolean stalled() {
		return this.stalled;
	}

	@Override
	void onConnected(Channel channel) {
		for (int i = 0; i < this.subscriptions; i++) {
			channel.write(StompFrames.subscribe("sub-" + i, this.destination));
		}
		channel.flush();
	}

	@Override
	void onMessage(StompFrame frame, long receivedMillis) {
		TelemetryFields fields = TelemetryFields.read(frame);
		long skipped = this.sequences.accept(Math.max(fields.droneNumber(), 0), fields.seq());
		this.stats.delivered(fields, receivedMillis, skipped);
		if (this.stalled && !this.resumed) {
			channel().config().setAutoRead(false);
		}
	}

	/**
	 * Reads again, for good: a client that stopped reading sees a close only once it
	 * reads up to it.
	 */
	void resume() {
		this.resumed = true;
		channel().config().setAutoRead(true);
	}

}
