package io.dronehub.flight;

/**
 * The kinds of audit events published on {@code /topic/events}.
 */
public enum EventType {

	/** A pilot took control of a drone. */
	CONTROL_ACQUIRED,
	/** A pilot gave up control, or lost it by disconnecting. */
	CONTROL_RELEASED,
	/** A drone changed flight mode. */
	MODE_CHANGED,
	/** The hub took over a drone: low battery, pilot link lost, geofence. */
	FAILSAFE,
	/**
	 * A command was refused for a reason worth an audit line, e.g. from a session not in
	 * control.
	 */
	COMMAND_REJECTED,
	/**
	 * The hub is shutting down and its sessions close next; {@code droneId} is
	 * {@code null}.
	 */
	HUB_STOPPING,
	/**
	 * The flight recorder could not write and is losing what it cannot keep, counted in
	 * {@code hub.recorder.dropped}; {@code droneId} is {@code null}.
	 */
	RECORDER_DEGRADED,
	/** The flight recorder writes again; {@code droneId} is {@code null}. */
	RECORDER_RECOVERED,
	/**
	 * Several nodes only: a node went silent and its drones are being taken over;
	 * {@code droneId} is {@code null}.
	 */
	NODE_LOST,
	/**
	 * Several nodes only: another node simulates the drone from now on, carrying on from
	 * its last state.
	 */
	DRONE_MOVED,
	/**
	 * Several nodes only: this node lost its broker and serves only the drones it
	 * simulates; {@code droneId} is {@code null}.
	 */
	BROKER_LOST,
	/**
	 * Several nodes only: this node has its broker again; {@code droneId} is
	 * {@code null}.
	 */
	BROKER_RECOVERED

}
