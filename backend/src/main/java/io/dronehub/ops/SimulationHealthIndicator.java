package io.dronehub.ops;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

import io.dronehub.flight.SimulationLoop;
import io.dronehub.flight.SimulationProperties;
import io.dronehub.flight.SimulationProperties.ClockMode;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The simulator's health: {@code DOWN} when its ticks have stalled (none for more than
 * {@value #STALL_PERIODS} tick periods while the clock is {@code realtime}; with a
 * {@code manual} clock no ticks is normal) or overrun persistently (more than half of the
 * ticks of the last {@value #WINDOW_PERIODS} tick periods took longer than a period),
 * {@code UP} otherwise.
 * <p>
 * It judges progress between its own checks, so it needs to be polled (as probes and
 * scrapes do); the first check is {@code UP}. Thread-safe: checks are serialised.
 */
public class SimulationHealthIndicator implements HealthIndicator {

	/** How many tick periods without a tick make a stall. */
	static final int STALL_PERIODS = 5;

	/** How many tick periods the overrun share is measured over. */
	static final int WINDOW_PERIODS = 100;

	/** The fewest ticks in the window for the overrun share to count. */
	static final int MIN_WINDOW_TICKS = 10;

	/** The overrun share above which the simulator is behind. */
	static final double MAX_OVERRUN_SHARE = 0.5;

	private final SimulationLoop simulation;

	private final SimulationProperties settings;

	private final LongSupplier nanoTime;

	private final long stallNanos;

	private final long windowNanos;

	/** Checks spaced over the window, oldest first; the first is the window's start. */
	private final Deque<Sample> samples = new ArrayDeque<>();

	private long lastTicks = -1;

	private long lastProgressNanos;

	/**
	 * Creates an indicator.
	 * @param simulation the loop to watch
	 * @param settings its rate and clock mode
	 * @param nanoTime a monotonic time source in nanoseconds, such as
	 * {@code System::nanoTime}
	 */
	public SimulationHealthIndicator(SimulationLoop simulation, SimulationProperties settings, LongSupplier nanoTime) {
		this.simulation = simulation;
		this.settings = settings;
		this.nanoTime = nanoTime;
		this.stallNanos = settings.tickPeriod().multipliedBy(STALL_PERIODS).toNanos();
		this.windowNanos = settings.tickPeriod().multipliedBy(WINDOW_PERIODS).toNanos();
	}

	@Override
	public synchronized Health health() {
		Sample now = new Sample(this.nanoTime.getAsLong(), this.simulation.ticks(), this.simulation.overruns());
		if (now.ticks() != this.lastTicks) {
			this.lastTicks = now.ticks();
			this.lastProgressNanos = now.nanos();
		}
		Sample start = remember(now);
		long windowTicks = now.ticks() - start.ticks();
		long windowOverruns = now.overruns() - start.overruns();
		Duration sinceTick = Duration.ofNanos(now.nanos() - this.lastProgressNanos);
		Health.Builder health;
		if (this.settings.clock() == ClockMode.REALTIME && sinceTick.toNanos() > this.stallNanos) {
			health = Health.down().withDetail("reason", "stalled: no tick for " + sinceTick.toMillis() + " ms");
		}
		else if (windowTicks >= MIN_WINDOW_TICKS && windowOverruns > windowTicks * MAX_OVERRUN_SHARE) {
			health = Health.down()
				.withDetail("reason", "overrunning: " + windowOverruns + " of the last " + windowTicks
						+ " ticks took longer than a tick period");
		}
		else {
			health = Health.up();
		}
		return health.withDetail("ticks", now.ticks())
			.withDetail("overruns", now.overruns())
			.withDetail("skipped", this.simulation.skipped())
			.withDetail("rateHz", this.settings.rateHz())
			.withDetail("clock", this.settings.clock().name().toLowerCase())
			.build();
	}

	/**
	 * Keeps a sample about every tenth of the window and drops those older than needed.
	 * @return the sample the window starts at: the newest one at least a window old, or
	 * the oldest one kept
	 */
	private Sample remember(Sample now) {
		Sample newest = this.samples.peekLast();
		if (newest == null || now.nanos() - newest.nanos() >= this.windowNanos / 10) {
			this.samples.addLast(now);
		}
		while (this.samples.size() > 1 && now.nanos() - secondOldest().nanos() >= this.windowNanos) {
			this.samples.removeFirst();
		}
		return this.samples.getFirst();
	}

	private Sample secondOldest() {
		return this.samples.stream().skip(1).findFirst().orElseThrow();
	}

	private record Sample(long nanos, long ticks, long overruns) {
	}

}
