package io.dronehub.cluster;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongSupplier;

import io.dronehub.control.ControlLeases;
import io.dronehub.control.Pilot;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.EventType;
import io.dronehub.flight.Fleet;
import io.dronehub.flight.SimulationLoop;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;

/**
 * Decides which drones this node simulates. Every heartbeat, and whenever a beat changes
 * who is alive, it renews this node's leases, hands over the drones that
 * {@link DroneAssignment} now gives to another live node, and takes the drones it gives
 * to this one once their lease is free, carrying on from their last published state (and,
 * for a drone handed over, with its pilot still in control). A node that just started
 * listens for one node timeout before it takes any, so that it knows the states the
 * others publish. When the application context closes, before anything else (the
 * simulation stops right after), it hands every drone over at once.
 * <p>
 * Runs on a thread of its own ({@code cluster}); the fleet is changed only through tasks
 * submitted to the simulation thread.
 */
final class DroneOwnership implements SmartLifecycle, ApplicationListener<ContextClosedEvent>, Ordered {

	private static final Log logger = LogFactory.getLog(DroneOwnership.class);

	private final String self;

	private final NodeSessions sessions;

	private final SimulationLoop simulation;

	private final ControlLeases controls;

	private final DroneLeases leases;

	private final ClusterMembers members;

	private final ClusterStates states;

	private final ClusterRelay relay;

	private final ClusterProperties settings;

	private final LongSupplier nanoTime;

	private final ScheduledExecutorService thread;

	private final AtomicBoolean roundQueued = new AtomicBoolean();

	/** The drones this node simulates, each with when its lease was last renewed. */
	private final Map<String, Long> owned = new LinkedHashMap<>();

	private List<String> alive = List.of();

	private volatile boolean running;

	/** Until when, in {@link System#nanoTime()}, this node only listens. */
	private volatile long listenUntil;

	DroneOwnership(ClusterNode node, SimulationLoop simulation, ControlLeases controls, DroneLeases leases,
			ClusterMembers members, ClusterStates states, ClusterRelay relay, ClusterProperties settings,
			LongSupplier nanoTime) {
		this.self = node.id();
		this.sessions = new NodeSessions(node.id());
		this.simulation = simulation;
		this.controls = controls;
		this.leases = leases;
		this.members = members;
		this.states = states;
		this.relay = relay;
		this.settings = settings;
		this.nanoTime = nanoTime;
		this.thread = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread cluster = new Thread(runnable, "cluster");
			cluster.setDaemon(true);
			return cluster;
		});
		members.onChange(this::roundSoon);
	}

	@Override
	public void start() {
		this.running = true;
		long listen = this.settings.nodeTimeout().toNanos();
		this.listenUntil = this.nanoTime.getAsLong() + listen;
		this.thread.scheduleAtFixedRate(this::round, listen, this.settings.heartbeat().toNanos(), TimeUnit.NANOSECONDS);
	}

	/**
	 * Hands every drone over, so that the other nodes take them at once, while the
	 * simulation still runs.
	 */
	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (!this.running) {
			return;
		}
		this.running = false;
		try {
			this.thread.submit(this::leave).get(this.settings.nodeTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			logger.warn("Could not hand this node's drones over; they are taken over when their leases expire", ex);
		}
	}

	/** Before the {@code ShutdownAnnouncer}, which stops the simulation. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void stop() {
		this.running = false;
		this.thread.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void roundSoon() {
		if (this.running && this.roundQueued.compareAndSet(false, true)) {
			try {
				this.thread.execute(() -> {
					this.roundQueued.set(false);
					round();
				});
			}
			catch (RejectedExecutionException ex) {
				this.roundQueued.set(false);
			}
		}
	}

	private void round() {
		if (!this.running || this.nanoTime.getAsLong() - this.listenUntil < 0) {
			return;
		}
		try {
			List<String> nowAlive = this.members.alive();
			reportLost(nowAlive);
			renewLeases();
			for (String droneId : this.states.droneIds()) {
				String preferred = DroneAssignment.preferredNode(droneId, nowAlive);
				if (this.owned.containsKey(droneId) && !this.self.equals(preferred)) {
					handOver(droneId, "moved to node " + preferred);
				}
				else if (!this.owned.containsKey(droneId) && this.self.equals(preferred) && !takeOver(droneId)
						&& !this.leases.reachable()) {
					// the others would wait for the database too
					break;
				}
			}
			announce(false);
		}
		catch (RuntimeException ex) {
			logger.error("A round of drone ownership failed; the next one tries again", ex);
		}
	}

	/**
	 * Renews every lease held. A lease that another node holds now is given up at once;
	 * one that cannot be renewed because the database does not answer is given up half a
	 * node timeout after its last renewal, well before it would expire, so that two nodes
	 * never simulate one drone. Once the database has not answered, the other leases of
	 * the round are not tried: each would wait for it again.
	 */
	private void renewLeases() {
		long keepFor = this.settings.nodeTimeout().dividedBy(2).toNanos();
		boolean answers = true;
		for (Iterator<Map.Entry<String, Long>> held = this.owned.entrySet().iterator(); held.hasNext();) {
			Map.Entry<String, Long> lease = held.next();
			if (answers && this.leases.renew(lease.getKey())) {
				lease.setValue(this.nanoTime.getAsLong());
				continue;
			}
			answers = answers && this.leases.reachable();
			if (answers || this.nanoTime.getAsLong() - lease.getValue() >= keepFor) {
				String droneId = lease.getKey();
				held.remove();
				stopSimulating(droneId, answers ? "its lease was lost" : "the lease database does not answer");
			}
		}
	}

	/** Takes a drone whose lease is free; says whether it did. */
	private boolean takeOver(String droneId) {
		if (!this.leases.acquire(droneId)) {
			return false;
		}
		this.owned.put(droneId, this.nanoTime.getAsLong());
		this.states.simulatedHere(this.owned.keySet());
		ClusterStates.Published last = this.states.lastPublished(droneId);
		onSimulation((fleet) -> {
			if (last == null) {
				return fleet.start(droneId);
			}
			Pilot pilot = (last.pilot() != null)
					? new Pilot(last.pilot().name(), this.sessions.local(last.pilot().sessionId())) : null;
			boolean pilotStays = pilot != null && !this.controls.hasClosed(pilot.sessionId());
			boolean resumed = fleet.resume(last.state(), "taken over by node " + this.self, pilotStays);
			String moved = droneId + " moved from node " + last.node() + " to node " + this.self;
			if (pilotStays) {
				this.controls.handedOver(fleet, droneId, pilot);
				moved += "; " + pilot.name() + " keeps control";
			}
			fleet.events().record(EventType.DRONE_MOVED, droneId, pilotStays ? pilot.name() : null, moved);
			return resumed;
		});
		return true;
	}

	/**
	 * Stops simulating a drone and tells the other nodes where it is and who controls it,
	 * then frees its lease, so that another node takes it at once, its pilot keeping
	 * control. If the broker cannot take that message, the pilot loses control here, and
	 * the node that takes the drone applies the link-loss rules.
	 */
	private void handOver(String droneId, String why) {
		this.owned.remove(droneId);
		this.states.simulatedHere(this.owned.keySet());
		onSimulation((fleet) -> {
			DroneState now = fleet.handOver(droneId);
			if (now == null) {
				return false;
			}
			Pilot pilot = this.controls.handOver(droneId);
			boolean told = this.relay
				.send(new ClusterMessage.Handover(this.self, now, (pilot != null) ? pilot.name() : null,
						(pilot != null) ? this.sessions.global(pilot.sessionId()) : null));
			if (pilot != null && !told) {
				fleet.events()
					.record(EventType.CONTROL_RELEASED, droneId, pilot.name(), pilot.name() + " lost control: " + why);
			}
			return true;
		});
		this.leases.release(droneId);
	}

	private void stopSimulating(String droneId, String why) {
		this.states.simulatedHere(this.owned.keySet());
		onSimulation((fleet) -> {
			this.controls.droneLeft(fleet, droneId, why);
			return fleet.stop(droneId);
		});
	}

	private void leave() {
		for (String droneId : new ArrayList<>(this.owned.keySet())) {
			handOver(droneId, "node " + this.self + " stopped");
		}
		announce(true);
	}

	/** Says once, from the first live node only, that a node went silent. */
	private void reportLost(List<String> nowAlive) {
		for (String node : this.alive) {
			if (!nowAlive.contains(node) && !this.members.left(node) && nowAlive.get(0).equals(this.self)) {
				onSimulation((fleet) -> {
					fleet.events()
						.record(EventType.NODE_LOST, null, null,
								"node " + node + " went silent; the other nodes take its drones over");
					return true;
				});
			}
		}
		this.alive = nowAlive;
	}

	private void announce(boolean leaving) {
		List<String> drones = this.states.droneIds().stream().filter(this.owned::containsKey).toList();
		this.members.simulating(leaving ? List.of() : drones);
		this.relay.send(new ClusterMessage.Beat(this.self, leaving ? List.of() : drones, leaving));
	}

	private void onSimulation(Function<Fleet, Boolean> task) {
		this.simulation.submit(task).join();
	}

}
