package io.dronehub.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.dronehub.flight.Fleet;
import io.dronehub.flight.FleetProperties;
import io.dronehub.flight.FlightProperties;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.flight.SimulationProperties;
import io.dronehub.flight.SimulationProperties.ClockMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SimulationHealthIndicator}, stepping its time source by hand at 10 Hz.
 */
class SimulationHealthIndicatorTests {

	private static final Duration TICK = Duration.ofMillis(100);

	private final AtomicLong nanos = new AtomicLong();

	private SimulationLoop loop = loop(Duration.ofHours(1));

	@AfterEach
	void closeLoop() {
		this.loop.close();
	}

	@Test
	void upWhileTicking() throws Exception {
		SimulationHealthIndicator health = indicator(ClockMode.REALTIME);
		health.health();
		for (int i = 0; i < 20; i++) {
			step(TICK);
			tick(1);
		}
		Health ticking = health.health();
		assertThat(ticking.getStatus()).isEqualTo(Status.UP);
		assertThat(ticking.getDetails()).containsEntry("ticks", 20L)
			.containsEntry("overruns", 0L)
			.containsEntry("skipped", 0L)
			.containsEntry("rateHz", 10)
			.containsEntry("clock", "realtime");
	}

	@Test
	void downWhenRealtimeTicksStallThenUpAgain() throws Exception {
		SimulationHealthIndicator health = indicator(ClockMode.REALTIME);
		health.health();
		step(TICK.multipliedBy(5));
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		step(Duration.ofMillis(1));
		Health stalled = health.health();
		assertThat(stalled.getStatus()).isEqualTo(Status.DOWN);
		assertThat(stalled.getDetails().get("reason")).asString().startsWith("stalled: no tick for 501 ms");
		tick(1);
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void noTicksIsNormalWithAManualClock() {
		SimulationHealthIndicator health = indicator(ClockMode.MANUAL);
		health.health();
		step(Duration.ofHours(1));
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void downWhenMostTicksOverrun() throws Exception {
		this.loop.close();
		this.loop = loop(Duration.ofNanos(1));
		SimulationHealthIndicator health = indicator(ClockMode.REALTIME);
		health.health();
		step(TICK);
		tick(SimulationHealthIndicator.MIN_WINDOW_TICKS);
		Health overrunning = health.health();
		assertThat(overrunning.getStatus()).isEqualTo(Status.DOWN);
		assertThat(overrunning.getDetails().get("reason")).asString()
			.isEqualTo("overrunning: 10 of the last 10 ticks took longer than a tick period");
	}

	@Test
	void fewTicksAreNotJudgedForOverruns() throws Exception {
		this.loop.close();
		this.loop = loop(Duration.ofNanos(1));
		SimulationHealthIndicator health = indicator(ClockMode.REALTIME);
		health.health();
		step(TICK);
		tick(SimulationHealthIndicator.MIN_WINDOW_TICKS - 1);
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
	}

	private SimulationHealthIndicator indicator(ClockMode clock) {
		return new SimulationHealthIndicator(this.loop, new SimulationProperties(10, clock), this.nanos::get);
	}

	private void step(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

	private void tick(int count) throws Exception {
		this.loop.advance(count).get(10, TimeUnit.SECONDS);
	}

	private static SimulationLoop loop(Duration tickPeriod) {
		Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("hub.fleet.size", "1")));
		Fleet fleet = new Fleet(binder.bindOrCreate("hub.fleet", FleetProperties.class),
				binder.bindOrCreate("hub.flight", FlightProperties.class), Clock.systemUTC());
		return new SimulationLoop(fleet, tickPeriod, List.of(), (durationNanos) -> {
		});
	}

}
