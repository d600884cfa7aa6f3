package io.dronehub.ops;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.dronehub.outbound.DeliveryObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counts the telemetry the session writers write ({@code hub.telemetry.delivered}), times
 * it from the simulation to the socket ({@code hub.telemetry.fanout.latency}) and counts
 * the sessions closed as too slow ({@code hub.sessions.closed}). Thread-safe; records
 * without allocating.
 */
class DeliveryMeters implements DeliveryObserver {

	/**
	 * The counter of sessions closed for being slow or for a limit, tagged
	 * {@code reason}.
	 */
	static final String SESSIONS_CLOSED = "hub.sessions.closed";

	static final String SESSIONS_CLOSED_DESCRIPTION = "Sessions closed, or refused at CONNECT, for being too slow or for a limit";

	private final Counter delivered;

	private final Timer latency;

	private final Map<TooSlow, Counter> closed = new EnumMap<>(TooSlow.class);

	DeliveryMeters(MeterRegistry meters) {
		this.delivered = Counter.builder("hub.telemetry.delivered")
			.description("Telemetry frames handed to sessions' sockets")
			.register(meters);
		this.latency = Timer.builder("hub.telemetry.fanout.latency")
			.description(
					"From the simulation handing a tick's states to the fan-out to the session writer handing them to "
							+ "a session's socket, once per write, for the oldest frame in it")
			.publishPercentileHistogram()
			.serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(10), Duration.ofMillis(100))
			.minimumExpectedValue(Duration.ofNanos(100_000))
			.maximumExpectedValue(Duration.ofSeconds(5))
			.register(meters);
		for (TooSlow reason : TooSlow.values()) {
			this.closed.put(reason,
					Counter.builder(SESSIONS_CLOSED)
						.description(SESSIONS_CLOSED_DESCRIPTION)
						.tag("reason", tagValue(reason))
						.register(meters));
		}
	}

	/**
	 * A constant's name as a tag value.
	 * @return e.g. {@code sessions_per_user}
	 */
	static String tagValue(Enum<?> constant) {
		return constant.name().toLowerCase(Locale.ROOT);
	}

	@Override
	public void latestFramesWritten(int frames, long oldestAgeNanos) {
		this.delivered.increment(frames);
		this.latency.record(oldestAgeNanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void closedAsTooSlow(TooSlow reason) {
		this.closed.get(reason).increment();
	}

}
