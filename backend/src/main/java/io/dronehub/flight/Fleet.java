package io.dronehub.flight;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The simulated drones, stepped together. Owned by the simulation thread: every method
 * must be called on it (see {@link SimulationLoop}).
 */
public final class Fleet {

	private final Map<String, Drone> drones = new LinkedHashMap<>();

	private final Clock clock;

	private final EventLog events;

	private List<DroneState> states;

	/**
	 * Creates drones {@code d1..dN} standing in a row east of the fleet's home.
	 * @param fleet how many drones and where
	 * @param flight the limits every drone flies with
	 * @param clock the source of state and event timestamps
	 */
	public Fleet(FleetProperties fleet, FlightProperties flight, Clock clock) {
		this.clock = clock;
		this.events = new EventLog(clock);
		LocalFrame base = new LocalFrame(new GeoPoint(fleet.home().lat(), fleet.home().lon()));
		BatteryModel battery = new BatteryModel(flight.battery());
		for (int i = 0; i < fleet.size(); i++) {
			String id = "d" + (i + 1);
			GeoPoint home = new GeoPoint(base.origin().lat(), base.longitudeOf(i * fleet.spacing()));
			this.drones.put(id, new Drone(id, new LocalFrame(home), flight, battery, this.events));
		}
		this.states = snapshot();
	}

	/**
	 * Looks a drone up.
	 * @param droneId the drone's id
	 * @return the drone, or {@code null} if there is none with that id
	 */
	public @Nullable Drone drone(String droneId) {
		return this.drones.get(droneId);
	}

	/**
	 * Makes every drone that is flying under a pilot's command (TAKEOFF, MANUAL, GOTO)
	 * hold where it is; drones landing or returning carry on.
	 */
	public void holdAll() {
		for (Drone drone : this.drones.values()) {
			FlightMode mode = drone.mode();
			if (mode == FlightMode.TAKEOFF || mode == FlightMode.MANUAL || mode == FlightMode.GOTO) {
				drone.hold();
			}
		}
	}

	/**
	 * The event log that drones and control requests write to.
	 * @return the fleet's event log
	 */
	public EventLog events() {
		return this.events;
	}

	/**
	 * Advances every drone by one tick and computes their new states.
	 * @param tickPeriod the simulated time that passes
	 * @return one state per drone, in id order
	 */
	public List<DroneState> step(Duration tickPeriod) {
		double dtSeconds = tickPeriod.toNanos() / 1e9;
		for (Drone drone : this.drones.values()) {
			drone.step(dtSeconds);
		}
		this.states = snapshot();
		return this.states;
	}

	/**
	 * The states computed by the latest tick (sequence 0 before the first).
	 * @return one state per drone, in id order
	 */
	public List<DroneState> states() {
		return this.states;
	}

	Collection<Drone> drones() {
		return this.drones.values();
	}

	List<FleetEvent> drainEvents() {
		return this.events.drain();
	}

	private List<DroneState> snapshot() {
		long now = this.clock.millis();
		List<DroneState> snapshot = new ArrayList<>(this.drones.size());
		for (Drone drone : this.drones.values()) {
			snapshot.add(drone.state(now));
		}
		return List.copyOf(snapshot);
	}

}
