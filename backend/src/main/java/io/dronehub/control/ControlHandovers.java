package io.dronehub.control;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.dronehub.flight.CommandResult;
import io.dronehub.flight.ControlStatus;
import io.dronehub.flight.Drone;
import io.dronehub.flight.EventType;
import io.dronehub.flight.Fleet;
import io.dronehub.flight.ResultCode;
import org.jspecify.annotations.Nullable;

/**
 * Control handed over with consent, after the MAVLink GCS control protocol
 * ({@code MAV_CMD_REQUEST_OPERATOR_CONTROL}): a pilot asks for a drone; it is theirs at
 * once if it is free or its pilot allows takeover, otherwise its pilot is asked and
 * grants or denies before the request times out. At most one request per drone waits at a
 * time. A request that waits is decided when its drone becomes free (released, forced
 * free by an ADMIN, or its pilot disconnected): then it is granted. Whether takeover is
 * allowed and which request waits show in the drone's telemetry as its
 * {@link ControlStatus}, so that everyone watching sees them.
 * <p>
 * Confined to the simulation thread, like the {@link ControlLeases} it changes.
 */
public final class ControlHandovers {

	private final ControlLeases leases;

	private final ControlPrompts prompts;

	private final Clock clock;

	/** The request waiting for each drone's pilot, by drone id. */
	private final Map<String, Waiting> waiting = new HashMap<>();

	/** The pilot of each drone who allows takeover, by drone id. */
	private final Map<String, Pilot> allowing = new HashMap<>();

	/**
	 * Creates the handovers of one node's drones.
	 * @param leases who controls which drone
	 * @param prompts asks pilots in control
	 * @param clock the simulation's clock, which times requests out
	 */
	public ControlHandovers(ControlLeases leases, ControlPrompts prompts, Clock clock) {
		this.leases = leases;
		this.prompts = prompts;
		this.clock = clock;
	}

	/**
	 * Asks for control of a drone.
	 * @param fleet the fleet
	 * @param droneId the drone
	 * @param from who asks
	 * @param timeout how long its pilot has to answer
	 * @return the decision: at once when the drone is free, taken over or refused;
	 * otherwise when its pilot answers or the request times out
	 */
	public CompletableFuture<CommandResult> request(Fleet fleet, String droneId, Pilot from, Duration timeout) {
		Drone drone = fleet.drone(droneId);
		if (drone == null) {
			return CompletableFuture.completedFuture(fleet.absent(droneId));
		}
		Pilot holder = this.leases.holder(droneId);
		if (holder == null) {
			return CompletableFuture.completedFuture(this.leases.acquire(fleet, droneId, from));
		}
		if (holder.equals(from)) {
			return CompletableFuture.completedFuture(CommandResult.ok());
		}
		if (this.leases.hasClosed(from.sessionId())) {
			return CompletableFuture
				.completedFuture(CommandResult.rejected(ResultCode.COMMAND_DENIED, "the session has closed"));
		}
		Waiting pending = this.waiting.get(droneId);
		if (pending != null) {
			return CompletableFuture.completedFuture(CommandResult.rejected(ResultCode.TEMPORARILY_REJECTED,
					pending.from().name() + " is already asking " + holder.name() + " for " + droneId
							+ ": try again when that request is decided"));
		}
		if (holder.equals(this.allowing.get(droneId))) {
			grant(fleet, drone, from, holder.name() + " allows takeover");
			return CompletableFuture.completedFuture(CommandResult.ok());
		}
		long expiresAt = this.clock.millis() + timeout.toMillis();
		Waiting asked = new Waiting(UUID.randomUUID().toString(), from, holder, expiresAt, new CompletableFuture<>());
		this.waiting.put(droneId, asked);
		show(fleet, droneId);
		fleet.events()
			.record(EventType.CONTROL_REQUESTED, droneId, from.name(), from.name() + " asks " + holder.name()
					+ " for control (request " + asked.id() + ", " + timeout.toSeconds() + " s to answer)");
		this.prompts.ask(holder, new ControlPrompt(asked.id(), droneId, from.name(), expiresAt));
		return asked.decision();
	}

	/**
	 * The pilot in control answers a request.
	 * @param fleet the fleet
	 * @param droneId the drone
	 * @param requestId the request answered
	 * @param owner who answers
	 * @param grant whether control passes to the one who asked
	 * @return the outcome for the one who answers
	 */
	public CommandResult answer(Fleet fleet, String droneId, String requestId, Pilot owner, boolean grant) {
		Drone drone = fleet.drone(droneId);
		CommandResult control = inControl(fleet, drone, droneId, owner);
		if (drone == null || !control.accepted()) {
			return control;
		}
		review(fleet);
		Waiting pending = this.waiting.get(droneId);
		if (pending == null || !pending.id().equals(requestId)) {
			return CommandResult.rejected(ResultCode.COMMAND_DENIED,
					"no request " + requestId + " for " + droneId + " is waiting: it was decided or timed out");
		}
		this.waiting.remove(droneId);
		if (grant) {
			grant(fleet, drone, pending.from(), owner.name() + " granted it");
			pending.decision().complete(CommandResult.ok());
		}
		else {
			show(fleet, droneId);
			fleet.events()
				.record(EventType.CONTROL_DENIED, droneId, pending.from().name(),
						owner.name() + " denied " + pending.from().name() + "'s request");
			pending.decision()
				.complete(CommandResult.rejected(ResultCode.DENIED, owner.name() + " denied the request"));
		}
		return CommandResult.ok();
	}

	/**
	 * The pilot in control allows anyone who asks to take the drone over, or wants to be
	 * asked again; allowing grants a request that waits at once. Lasts while that pilot
	 * keeps control.
	 * @param fleet the fleet
	 * @param droneId the drone
	 * @param owner who sets it
	 * @param allow whether takeover is allowed
	 * @return accepted, or why not
	 */
	public CommandResult allowTakeover(Fleet fleet, String droneId, Pilot owner, boolean allow) {
		Drone drone = fleet.drone(droneId);
		CommandResult control = inControl(fleet, drone, droneId, owner);
		if (drone == null || !control.accepted()) {
			return control;
		}
		if (allow) {
			review(fleet);
			this.allowing.put(droneId, owner);
			show(fleet, droneId);
			fleet.events()
				.record(EventType.CONTROL_TAKEOVER_ALLOWED, droneId, owner.name(),
						owner.name() + " allows takeover without being asked");
			Waiting pending = this.waiting.remove(droneId);
			if (pending != null) {
				grant(fleet, drone, pending.from(), owner.name() + " allows takeover");
				pending.decision().complete(CommandResult.ok());
			}
		}
		else if (this.allowing.remove(droneId) != null) {
			show(fleet, droneId);
			fleet.events()
				.record(EventType.CONTROL_TAKEOVER_DISALLOWED, droneId, owner.name(),
						owner.name() + " wants to be asked before a takeover");
		}
		return CommandResult.ok();
	}

	/**
	 * Whether the pilot in control of a drone allows takeover without being asked.
	 * @param droneId the drone
	 * @return {@code true} if they do
	 */
	public boolean takeoverAllowed(String droneId) {
		Pilot holder = this.leases.holder(droneId);
		return holder != null && holder.equals(this.allowing.get(droneId));
	}

	/**
	 * The request waiting for a drone's pilot, if any.
	 * @param droneId the drone
	 * @return who asks and until when, or {@code null}
	 */
	public @Nullable ControlPrompt waitingFor(String droneId) {
		Waiting pending = this.waiting.get(droneId);
		return (pending != null) ? new ControlPrompt(pending.id(), droneId, pending.from().name(), pending.expiresAt())
				: null;
	}

	/**
	 * Decides what waits and can be decided now: a request for a drone that became free
	 * is granted; one whose pilot did not answer in time times out; one whose drone left
	 * this node, whose asker's session closed, or whose drone passed to someone else is
	 * withdrawn. Called after every change of control and on every tick while requests
	 * wait.
	 * @param fleet the fleet
	 */
	public void review(Fleet fleet) {
		long now = this.clock.millis();
		for (Iterator<Map.Entry<String, Waiting>> entries = this.waiting.entrySet().iterator(); entries.hasNext();) {
			Map.Entry<String, Waiting> entry = entries.next();
			String droneId = entry.getKey();
			Waiting pending = entry.getValue();
			Drone drone = fleet.drone(droneId);
			Pilot holder = this.leases.holder(droneId);
			CommandResult decided;
			if (drone == null) {
				decided = withdraw(fleet, droneId, pending, droneId + " is no longer simulated here");
			}
			else if (this.leases.hasClosed(pending.from().sessionId())) {
				decided = withdraw(fleet, droneId, pending, pending.from().name() + " disconnected");
			}
			else if (holder == null) {
				grant(fleet, drone, pending.from(), droneId + " became free");
				decided = CommandResult.ok();
			}
			else if (!holder.equals(pending.owner())) {
				decided = withdraw(fleet, droneId, pending, holder.name() + " took control first");
			}
			else if (now >= pending.expiresAt()) {
				fleet.events()
					.record(EventType.CONTROL_REQUEST_TIMED_OUT, droneId, pending.from().name(),
							holder.name() + " did not answer " + pending.from().name() + "'s request");
				decided = CommandResult.rejected(ResultCode.TIMEOUT, holder.name() + " did not answer in time");
			}
			else {
				continue;
			}
			entries.remove();
			show(fleet, droneId);
			pending.decision().complete(decided);
		}
		for (Iterator<Map.Entry<String, Pilot>> allowed = this.allowing.entrySet().iterator(); allowed.hasNext();) {
			Map.Entry<String, Pilot> entry = allowed.next();
			if (!entry.getValue().equals(this.leases.holder(entry.getKey()))) {
				allowed.remove();
				show(fleet, entry.getKey());
			}
		}
	}

	/**
	 * Whether any request waits, so that {@link #review} is due every tick.
	 * @return {@code true} while one does
	 */
	public boolean anyWaiting() {
		return !this.waiting.isEmpty();
	}

	/** Whether a pilot controls a drone that this node simulates, or why not. */
	private CommandResult inControl(Fleet fleet, @Nullable Drone drone, String droneId, Pilot owner) {
		return (drone != null) ? this.leases.checkControl(droneId, owner.sessionId()) : fleet.absent(droneId);
	}

	private void grant(Fleet fleet, Drone drone, Pilot to, String why) {
		Pilot from = this.leases.holder(drone.id());
		String detail = (from != null) ? to.name() + " took control from " + from.name() + ": " + why
				: to.name() + " took control: " + why;
		// the grant first, then the hold it causes
		fleet.events().record(EventType.CONTROL_GRANTED, drone.id(), to.name(), detail);
		this.leases.transfer(drone, to);
		this.allowing.remove(drone.id());
		show(fleet, drone.id());
	}

	/**
	 * Shows in a drone's telemetry whether its pilot allows takeover and the request that
	 * waits, for everyone watching it.
	 */
	private void show(Fleet fleet, String droneId) {
		Drone drone = fleet.drone(droneId);
		if (drone == null) {
			return;
		}
		Waiting pending = this.waiting.get(droneId);
		boolean allowed = takeoverAllowed(droneId);
		drone
			.showControl((pending != null || allowed)
					? new ControlStatus(allowed, (pending != null)
							? new ControlStatus.WaitingRequest(pending.from().name(), pending.expiresAt()) : null)
					: null);
	}

	private static CommandResult withdraw(Fleet fleet, String droneId, Waiting pending, String why) {
		fleet.events()
			.record(EventType.CONTROL_REQUEST_WITHDRAWN, droneId, pending.from().name(),
					pending.from().name() + "'s request ended: " + why);
		return CommandResult.rejected(ResultCode.COMMAND_DENIED, "the request ended: " + why);
	}

	/**
	 * A request waiting for a drone's pilot.
	 *
	 * @param id what the pilot's answer names
	 * @param from who asks
	 * @param owner who was asked
	 * @param expiresAt when it times out, epoch milliseconds
	 * @param decision completed with the outcome for the one who asks
	 */
	private record Waiting(String id, Pilot from, Pilot owner, long expiresAt,
			CompletableFuture<CommandResult> decision) {
	}

}
