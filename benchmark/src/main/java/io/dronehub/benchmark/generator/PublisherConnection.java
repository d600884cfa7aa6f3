package io.dronehub.benchmark.generator;

import java.util.concurrent.TimeUnit;

import io.dronehub.benchmark.TelemetryPayload;
import io.netty.channel.Channel;
import org.jspecify.annotations.Nullable;

/**
 * Stands in for the hub's simulator in front of a general-purpose broker: every tick it
 * SENDs one state per drone to the telemetry topic, all stamped at tick start. A tick
 * whose frames the socket cannot take is skipped and counted, so the publisher never
 * buffers without bound. Owned by the event-loop thread.
 */
final class PublisherConnection extends StompConnection {

	private final String destination;

	private final int drones;

	private final int rateHz;

	private long seq;

	private long skippedTicks;

	private long published;

	/**
	 * Creates a publisher.
	 * @param registry tracks the connection
	 * @param destination the telemetry topic
	 * @param drones how many drones
	 * @param rateHz ticks per second
	 * @param login CONNECT login, or {@code null}
	 * @param passcode CONNECT passcode, or {@code null}
	 */
	PublisherConnection(ConnectionRegistry registry, String destination, int drones, int rateHz, @Nullable String login,
			@Nullable String passcode) {
		super(registry, login, passcode);
		this.destination = destination;
		this.drones = drones;
		this.rateHz = rateHz;
	}

	@Override
	void onConnected(Channel channel) {
		long periodNanos = 1_000_000_000L / this.rateHz;
		channel.eventLoop().scheduleAtFixedRate(this::tick, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
	}

	@Override
	void onMessage(StompFrame frame, long receivedMillis) {
	}

	private void tick() {
		Channel channel = channel();
		if (!channel.isActive()) {
			return;
		}
		if (!channel.isWritable()) {
			this.skippedTicks++;
			return;
		}
		this.seq++;
		long timestamp = System.currentTimeMillis();
		for (int drone = 1; drone <= this.drones; drone++) {
			channel.write(StompFrames.send(this.destination, TelemetryPayload.json(drone, this.seq, timestamp)));
		}
		this.published += this.drones;
		channel.flush();
	}

	/**
	 * States sent so far.
	 * @return the count
	 */
	long published() {
		return this.published;
	}

	/**
	 * Ticks skipped because the broker did not keep up.
	 * @return the count
	 */
	long skippedTicks() {
		return this.skippedTicks;
	}

}
