package io.dronehub.flight;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The simulated drones, stepped together. Owned by the simulation thread: every method
 * must be called on it (see {@link SimulationLoop}).
 */
public final class Fleet {

	private final Map<String, Drone> drones = new LinkedHashMap<>();

	/**
	 * The drones this fleet steps; the others are simulated elsewhere, by another node.
	 */
	private final Set<String> simulated = new HashSet<>();

	/** The drones this fleet steps, in fleet order: kept with {@link #simulated}. */
	private List<Drone> simulating = List.of();

	private final Clock clock;

	private final EventLog events;

	private List<DroneState> states;

	/**
	 * Creates drones {@code d1..dN} standing in a row east of the fleet's home, and
	 * simulates them all.
	 * @param fleet how many drones and where
	 * @param flight the limits every drone flies with
	 * @param clock the source of state and event timestamps
	 */
	public Fleet(FleetProperties fleet, FlightProperties flight, Clock clock) {
		this(fleet, flight, clock, true);
	}

	/**
	 * Creates drones {@code d1..dN} standing in a row east of the fleet's home.
	 * @param fleet how many drones and where
	 * @param flight the limits every drone flies with
	 * @param clock the source of state and event timestamps
	 * @param simulateAll whether this fleet simulates every drone from the start, or none
	 * until each is {@linkplain #resume resumed} (a node of a cluster)
	 */
	public Fleet(FleetProperties fleet, FlightProperties flight, Clock clock, boolean simulateAll) {
		this.clock = clock;
		this.events = new EventLog(clock);
		LocalFrame base = new LocalFrame(new GeoPoint(fleet.home().lat(), fleet.home().lon()));
		BatteryModel battery = new BatteryModel(flight.battery());
		List<String> ids = ids(fleet);
		for (int i = 0; i < ids.size(); i++) {
			String id = ids.get(i);
			GeoPoint home = new GeoPoint(base.origin().lat(), base.longitudeOf(i * fleet.spacing()));
			this.drones.put(id, new Drone(id, new LocalFrame(home), flight, battery, this.events));
		}
		if (simulateAll) {
			this.simulated.addAll(this.drones.keySet());
			simulatedChanged();
		}
		this.states = snapshot();
	}

	/**
	 * The ids of a fleet's drones.
	 * @param fleet how many drones
	 * @return {@code d1..dN}, in fleet order
	 */
	public static List<String> ids(FleetProperties fleet) {
		List<String> ids = new ArrayList<>(fleet.size());
		for (int i = 0; i < fleet.size(); i++) {
			ids.add("d" + (i + 1));
		}
		return List.copyOf(ids);
	}

	/**
	 * Looks up a drone that this fleet simulates.
	 * @param droneId the drone's id
	 * @return the drone, or {@code null} if there is none with that id here
	 */
	public @Nullable Drone drone(String droneId) {
		return this.simulated.contains(droneId) ? this.drones.get(droneId) : null;
	}

	/**
	 * Why {@link #drone(String)} found no drone: none has that id, or it is simulated
	 * elsewhere.
	 * @param droneId the drone's id
	 * @return the rejection to send back
	 */
	public CommandResult absent(String droneId) {
		return this.drones.containsKey(droneId)
				? CommandResult.rejected(ResultCode.TEMPORARILY_REJECTED,
						droneId + " is simulated by another node of the cluster; try again, or from that node")
				: CommandResult.noSuchDrone(droneId);
	}

	/**
	 * The ids of the drones this fleet simulates, in fleet order.
	 * @return a copy
	 */
	public List<String> simulatedIds() {
		return drones().stream().map(Drone::id).toList();
	}

	/**
	 * Starts simulating a drone that was simulated elsewhere, from the last state
	 * published of it; its states follow from the next tick, its {@code seq} carrying on.
	 * @param last the drone's last published state
	 * @param why said in the event of its mode change, if any
	 * @param pilotStays whether the pilot named in the state keeps control, as when the
	 * drone was handed over with its control lease; otherwise the link-loss rules apply
	 * as if that pilot's connection had dropped
	 * @return whether the drone is of this fleet and was not simulated here already
	 */
	public boolean resume(DroneState last, String why, boolean pilotStays) {
		Drone drone = this.drones.get(last.droneId());
		if (drone == null || !this.simulated.add(last.droneId())) {
			return false;
		}
		simulatedChanged();
		drone.resumeFrom(last, why, pilotStays);
		return true;
	}

	/**
	 * Starts simulating a drone from where the fleet placed it, for a drone of a cluster
	 * that nobody has simulated yet.
	 * @param droneId the drone's id
	 * @return whether the drone is of this fleet and was not simulated here already
	 */
	public boolean start(String droneId) {
		if (!this.drones.containsKey(droneId) || !this.simulated.add(droneId)) {
			return false;
		}
		simulatedChanged();
		return true;
	}

	/**
	 * Stops simulating a drone, which another simulator takes over; it is no longer in
	 * the states from the next tick.
	 * @param droneId the drone's id
	 * @return whether it was simulated here
	 */
	public boolean stop(String droneId) {
		if (!this.simulated.remove(droneId)) {
			return false;
		}
		simulatedChanged();
		return true;
	}

	/**
	 * Stops simulating a drone that another simulator takes over, and says where it is
	 * now: its latest tick's state with what happened since, such as the mode a command
	 * set, for the simulator that carries it on.
	 * @param droneId the drone's id
	 * @return the drone's state now, with the {@code seq} of its latest tick, or
	 * {@code null} if it was not simulated here
	 */
	public @Nullable DroneState handOver(String droneId) {
		Drone drone = this.drones.get(droneId);
		if (drone == null || !stop(droneId)) {
			return null;
		}
		return drone.state(this.clock.millis());
	}

	/**
	 * Makes every drone that is flying under a pilot's command (TAKEOFF, MANUAL, GOTO)
	 * hold where it is; drones landing or returning carry on.
	 */
	public void holdAll() {
		for (Drone drone : drones()) {
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
		for (Drone drone : drones()) {
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
		return this.simulating;
	}

	private void simulatedChanged() {
		this.simulating = this.drones.values().stream().filter((drone) -> this.simulated.contains(drone.id())).toList();
	}

	List<FleetEvent> drainEvents() {
		return this.events.drain();
	}

	private List<DroneState> snapshot() {
		long now = this.clock.millis();
		List<DroneState> snapshot = new ArrayList<>(this.simulated.size());
		for (Drone drone : drones()) {
			snapshot.add(drone.state(now));
		}
		return List.copyOf(snapshot);
	}

}
