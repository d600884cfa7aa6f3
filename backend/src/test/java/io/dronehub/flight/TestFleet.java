package io.dronehub.flight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A fleet for unit tests, bound from the same defaults as the application (plus
 * overrides) and stepped by hand at 10 Hz.
 */
final class TestFleet {

	static final Duration TICK = Duration.ofMillis(100);

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

	final Fleet fleet;

	final FlightProperties limits;

	private TestFleet(Map<String, String> properties, boolean simulateAll) {
		Map<String, String> all = new HashMap<>(Map.of("hub.fleet.size", "2"));
		all.putAll(properties);
		Binder binder = new Binder(new MapConfigurationPropertySource(all));
		this.limits = binder.bindOrCreate("hub.flight", FlightProperties.class);
		this.fleet = new Fleet(binder.bindOrCreate("hub.fleet", FleetProperties.class), this.limits, CLOCK,
				simulateAll);
	}

	/** The flight limits the application binds when nothing is configured. */
	static FlightProperties defaultLimits() {
		return new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("hub.flight",
				FlightProperties.class);
	}

	static TestFleet withDefaults() {
		return new TestFleet(Map.of(), true);
	}

	static TestFleet with(Map<String, String> properties) {
		return new TestFleet(properties, true);
	}

	/**
	 * A fleet that simulates none of its drones until told to, as a node of a cluster.
	 */
	static TestFleet simulatingNone() {
		return new TestFleet(Map.of(), false);
	}

	Drone d1() {
		return this.fleet.drone("d1");
	}

	DroneState state() {
		return this.fleet.states().get(0);
	}

	/** Steps {@code count} ticks and returns every d1 state they produced. */
	List<DroneState> tick(int count) {
		List<DroneState> states = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			states.add(this.fleet.step(TICK).get(0));
		}
		return states;
	}

	/**
	 * Steps until d1 is in {@code mode}, at most {@code maxSeconds} of simulated time.
	 */
	List<DroneState> tickUntil(FlightMode mode, double maxSeconds) {
		List<DroneState> states = new ArrayList<>();
		for (int i = 0; i < maxSeconds * 10; i++) {
			DroneState state = this.fleet.step(TICK).get(0);
			states.add(state);
			if (state.mode() == mode) {
				return states;
			}
		}
		throw new AssertionError("d1 did not reach " + mode + " within " + maxSeconds + " s; it is " + state());
	}

	/**
	 * Steps until d1's mission flies to or hovers at item {@code current}, at most
	 * {@code maxSeconds} of simulated time.
	 */
	List<DroneState> tickUntilMission(int current, double maxSeconds) {
		List<DroneState> states = new ArrayList<>();
		for (int i = 0; i < maxSeconds * 10; i++) {
			DroneState state = this.fleet.step(TICK).get(0);
			states.add(state);
			if (state.mission() != null && state.mission().current() == current) {
				return states;
			}
		}
		throw new AssertionError(
				"d1's mission did not reach item " + current + " within " + maxSeconds + " s; it is " + state());
	}

	/** Arms d1 and takes it off to {@code altitude}, ending in HOLD. */
	void airborneAt(double altitude) {
		d1().assignPilot("alice");
		d1().arm();
		d1().takeoff(altitude);
		tickUntil(FlightMode.HOLD, 60);
		this.fleet.drainEvents();
	}

	List<FleetEvent> events() {
		return this.fleet.drainEvents();
	}

	double distanceFromHome() {
		DroneState state = state();
		LocalFrame frame = new LocalFrame(state.home());
		return Math.hypot(frame.northOf(state.position().lat()), frame.eastOf(state.position().lon()));
	}

}
