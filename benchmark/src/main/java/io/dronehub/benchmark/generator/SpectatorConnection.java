package io.dronehub.benchmark.generator;

import java.util.Arrays;

import io.netty.channel.Channel;
import org.jspecify.annotations.Nullable;

/**
 * A spectator: subscribes to the telemetry topic and records every state it receives. A
 * stalled spectator stops reading after its first message, so the server sees its socket
 * back up, until it is resumed: then it reads what is buffered and sees whether the
 * server closed the connection meanwhile. A rate-limited spectator subscribes with a
 * {@code rate-hz} header: the gaps in {@code seq} that the frames' {@code skipped}
 * headers account for are not lost, and its arrivals' spacing is recorded.
 */
final class SpectatorConnection extends StompConnection {

	private final SeqTracker sequences = new SeqTracker();

	private final DeliveryStats stats;

	private final String destination;

	private final int subscriptions;

	private final boolean stalled;

	private final @Nullable RateLimit rate;

	/**
	 * When each drone's last state arrived, epoch milliseconds, or 0 before its first;
	 * rate-limited only.
	 */
	private long[] lastArrival = new long[0];

	private boolean resumed;

	/**
	 * Creates a spectator.
	 * @param registry tracks the connection
	 * @param stats where its deliveries are counted
	 * @param destination the telemetry topic
	 * @param subscriptions how many subscriptions to that topic it holds
	 * @param stalled whether it stops reading after its first message
	 * @param rate the rate its subscriptions ask for, or {@code null} for every state
	 * @param login CONNECT login, or {@code null}
	 * @param passcode CONNECT passcode, or {@code null}
	 */
	SpectatorConnection(ConnectionRegistry registry, DeliveryStats stats, String destination, int subscriptions,
			boolean stalled, @Nullable RateLimit rate, @Nullable String login, @Nullable String passcode) {
		super(registry, login, passcode);
		this.stats = stats;
		this.destination = destination;
		this.subscriptions = subscriptions;
		this.stalled = stalled;
		this.rate = rate;
	}

	boolean stalled() {
		return this.stalled;
	}

	boolean rateLimited() {
		return this.rate != null;
	}

	@Override
	void onConnected(Channel channel) {
		for (int i = 0; i < this.subscriptions; i++) {
			channel.write(StompFrames.subscribe("sub-" + i, this.destination,
					(this.rate != null) ? this.rate.header() : null));
		}
		channel.flush();
	}

	@Override
	void onMessage(StompFrame frame, long receivedMillis) {
		TelemetryFields fields = TelemetryFields.read(frame);
		long missing = this.sequences.accept(Math.max(fields.droneNumber(), 0), fields.seq());
		RateLimit rate = this.rate;
		if (rate != null && missing >= 0) {
			missing = rateLimited(rate.spacing(), frame, fields, receivedMillis, missing);
		}
		this.stats.delivered(fields, receivedMillis, missing);
		if (this.stalled && !this.resumed) {
			channel().config().setAutoRead(false);
		}
	}

	/**
	 * Records a rate-limited arrival's spacing and what its {@code skipped} header
	 * explains of the states missing before it.
	 * @return the states missing beyond that: lost
	 */
	private long rateLimited(ArrivalSpacing spacing, StompFrame frame, TelemetryFields fields, long receivedMillis,
			long missing) {
		int drone = Math.max(fields.droneNumber(), 0);
		if (drone >= this.lastArrival.length) {
			this.lastArrival = Arrays.copyOf(this.lastArrival, drone + 1);
		}
		if (this.lastArrival[drone] != 0) {
			// the states missing in between, and this one
			spacing.interval(receivedMillis - this.lastArrival[drone], missing + 1);
		}
		this.lastArrival[drone] = receivedMillis;
		String header = frame.header("skipped");
		long skipped = (header != null) ? Long.parseLong(header.trim()) : 0;
		spacing.skipped(missing, skipped);
		return Math.max(missing - skipped, 0);
	}

	/**
	 * Reads again, for good: a client that stopped reading sees a close only once it
	 * reads up to it.
	 */
	void resume() {
		this.resumed = true;
		channel().config().setAutoRead(true);
	}

	/**
	 * The rate a spectator's subscriptions ask for.
	 *
	 * @param header the {@code rate-hz} header's value, as sent
	 * @param spacing where the group's arrivals are measured
	 */
	record RateLimit(String header, ArrivalSpacing spacing) {
	}

}
