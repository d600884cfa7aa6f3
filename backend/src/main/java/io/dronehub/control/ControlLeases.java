package io.dronehub.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Drone;
import io.dronehub.flight.EventType;
import io.dronehub.flight.Fleet;
import io.dronehub.flight.ResultCode;
import org.jspecify.annotations.Nullable;

/**
 * Which session controls which drone: at most one per drone, acquired and released
 * explicitly, lost when the session disconnects.
 * <p>
 * Confined to the simulation thread: call it only from tasks submitted to the
 * {@link io.dronehub.flight.SimulationLoop}, so that control and flight decisions never
 * race.
 */
public final class ControlLeases {

	/**
	 * How many closed sessions are remembered: far more than can close while frames they
	 * sent before closing are still on their way to the simulation.
	 */
	static final int REMEMBERED_CLOSED_SESSIONS = 4096;

	private final Map<String, Pilot> holders = new HashMap<>();

	/** The latest closed sessions, oldest first. */
	private final Set<String> closedSessions = new LinkedHashSet<>();

	/**
	 * Gives a pilot control of a drone if nobody else has it. A session that has closed
	 * cannot: its ACQUIRE, sent just before it closed, may reach the simulation after its
	 * close did, and would otherwise hold the drone for nobody.
	 * @param fleet the fleet
	 * @param droneId the drone
	 * @param pilot who asks
	 * @return accepted (also when the pilot already holds it), or why not
	 */
	public CommandResult acquire(Fleet fleet, String droneId, Pilot pilot) {
		Drone drone = fleet.drone(droneId);
		if (drone == null) {
			return fleet.absent(droneId);
		}
		if (this.closedSessions.contains(pilot.sessionId())) {
			return CommandResult.rejected(ResultCode.COMMAND_DENIED, "the session has closed");
		}
		Pilot holder = this.holders.get(droneId);
		if (pilot.equals(holder)) {
			return CommandResult.ok();
		}
		if (holder != null) {
			return CommandResult.rejected(ResultCode.CONTROLLED_BY_OTHER,
					droneId + " is controlled by " + holder.name());
		}
		this.holders.put(droneId, pilot);
		drone.assignPilot(pilot.name());
		fleet.events().record(EventType.CONTROL_ACQUIRED, droneId, pilot.name(), pilot.name() + " took control");
		return CommandResult.ok();
	}

	/**
	 * Gives up a pilot's control of a drone.
	 * @param fleet the fleet
	 * @param droneId the drone
	 * @param pilot who asks
	 * @return accepted, or why not
	 */
	public CommandResult release(Fleet fleet, String droneId, Pilot pilot) {
		Drone drone = fleet.drone(droneId);
		if (drone == null) {
			return fleet.absent(droneId);
		}
		if (!pilot.equals(this.holders.get(droneId))) {
			return notInControl(droneId);
		}
		this.holders.remove(droneId);
		drone.releasePilot();
		fleet.events().record(EventType.CONTROL_RELEASED, droneId, pilot.name(), pilot.name() + " released control");
		return CommandResult.ok();
	}

	/**
	 * Takes control of a drone away from whoever holds it, e.g. a stuck pilot; the drone
	 * carries on as after a deliberate release.
	 * @param fleet the fleet
	 * @param droneId the drone
	 * @param admin who forces it
	 * @return accepted, or why not
	 */
	public CommandResult forceRelease(Fleet fleet, String droneId, Pilot admin) {
		Drone drone = fleet.drone(droneId);
		if (drone == null) {
			return fleet.absent(droneId);
		}
		Pilot holder = this.holders.remove(droneId);
		if (holder == null) {
			return CommandResult.rejected(ResultCode.COMMAND_DENIED, "nobody controls " + droneId);
		}
		drone.releasePilot();
		fleet.events()
			.record(EventType.CONTROL_RELEASED, droneId, admin.name(),
					admin.name() + " forced the release of " + holder.name() + "'s control");
		return CommandResult.ok();
	}

	/**
	 * Releases every drone a closed session controlled; each one's link-loss failsafe
	 * starts.
	 * @param fleet the fleet
	 * @param sessionId the closed session
	 * @return the ids of the drones released
	 */
	public List<String> sessionClosed(Fleet fleet, String sessionId) {
		rememberClosed(sessionId);
		List<String> released = new ArrayList<>();
		this.holders.entrySet().removeIf((lease) -> {
			if (!lease.getValue().sessionId().equals(sessionId)) {
				return false;
			}
			released.add(lease.getKey());
			fleet.events()
				.record(EventType.CONTROL_RELEASED, lease.getKey(), lease.getValue().name(),
						lease.getValue().name() + " disconnected");
			Drone drone = fleet.drone(lease.getKey());
			if (drone != null) {
				drone.pilotLinkLost();
			}
			return true;
		});
		return released;
	}

	/**
	 * Takes control of a drone away from its pilot because this node stops simulating it
	 * without handing it over (its lease was lost); the pilot is told by a
	 * {@code CONTROL_RELEASED} event, and the drone's link-loss failsafe starts, to run
	 * when it is simulated again.
	 * @param fleet the fleet
	 * @param droneId the drone
	 * @param why why it left
	 */
	public void droneLeft(Fleet fleet, String droneId, String why) {
		Pilot holder = this.holders.remove(droneId);
		if (holder != null) {
			fleet.events()
				.record(EventType.CONTROL_RELEASED, droneId, holder.name(), holder.name() + " lost control: " + why);
			Drone drone = fleet.drone(droneId);
			if (drone != null) {
				drone.pilotLinkLost();
			}
		}
	}

	/**
	 * Forgets who controls a drone that this node hands over to another node of a
	 * cluster, which gives control to the same pilot; no event, since the pilot keeps it.
	 * @param droneId the drone
	 * @return who controlled it, or {@code null} if nobody did
	 */
	public @Nullable Pilot handOver(String droneId) {
		return this.holders.remove(droneId);
	}

	/**
	 * Who controls a drone.
	 * @param droneId the drone
	 * @return the pilot, or {@code null} if nobody does
	 */
	public @Nullable Pilot holder(String droneId) {
		return this.holders.get(droneId);
	}

	/**
	 * Gives control of a drone to a pilot who asked for it, taking it from whoever had
	 * it; the drone holds across the change. The caller records the event that says why.
	 * @param drone the drone
	 * @param pilot who has it from now on
	 */
	void transfer(Drone drone, Pilot pilot) {
		this.holders.put(drone.id(), pilot);
		drone.handOverTo(pilot.name());
	}

	/**
	 * Whether a session has closed, as far as this node has been told.
	 * @param sessionId the session
	 * @return {@code true} if it is among the latest closed sessions
	 */
	public boolean hasClosed(String sessionId) {
		return this.closedSessions.contains(sessionId);
	}

	/**
	 * Gives control of a drone that another node of a cluster handed over to this one to
	 * the pilot who had it there.
	 * @param fleet the fleet, which simulates the drone now
	 * @param droneId the drone
	 * @param pilot the pilot, known by the session id as seen from this node
	 */
	public void handedOver(Fleet fleet, String droneId, Pilot pilot) {
		Drone drone = fleet.drone(droneId);
		if (drone != null) {
			this.holders.put(droneId, pilot);
			drone.assignPilot(pilot.name());
		}
	}

	/**
	 * Checks that a session controls a drone before it may command it.
	 * @param droneId the drone
	 * @param sessionId the sender's session
	 * @return accepted if it does, otherwise the rejection to send back
	 */
	public CommandResult checkControl(String droneId, String sessionId) {
		Pilot holder = this.holders.get(droneId);
		if (holder != null && holder.sessionId().equals(sessionId)) {
			return CommandResult.ok();
		}
		return (holder != null) ? CommandResult.rejected(ResultCode.NOT_IN_CONTROL,
				"you do not control " + droneId + "; " + holder.name() + " does") : notInControl(droneId);
	}

	private static CommandResult notInControl(String droneId) {
		return CommandResult.rejected(ResultCode.NOT_IN_CONTROL,
				"you do not control " + droneId + ": send ACQUIRE to /app/control first");
	}

	private void rememberClosed(String sessionId) {
		this.closedSessions.add(sessionId);
		if (this.closedSessions.size() > REMEMBERED_CLOSED_SESSIONS) {
			Iterator<String> oldest = this.closedSessions.iterator();
			oldest.next();
			oldest.remove();
		}
	}

}
