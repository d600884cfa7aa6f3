package io.dronehub.flight;

/**
 * The kinds of audit events published on {@code /topic/events}.
 */
public enum EventType {

	/** A pilot took control of a drone. */
	CONTROL_ACQUIRED,
	/** A pilot gave up control, or lost it by disconnecting. */
	CONTROL_RELEASED,
	/**
	 * A pilot asked the pilot in control of a drone for it; {@code pilot} is who asked,
	 * {@code detail} names the request and when it expires.
	 */
	CONTROL_REQUESTED,
	/**
	 * Control of a drone passed to the pilot who asked for it: granted by the pilot in
	 * control, allowed beforehand, or the drone became free; {@code pilot} is who has it
	 * now.
	 */
	CONTROL_GRANTED,
	/** The pilot in control denied a request for the drone; nothing changed. */
	CONTROL_DENIED,
	/** The pilot in control did not answer a request in time; nothing changed. */
	CONTROL_REQUEST_TIMED_OUT,
	/**
	 * A request ended without an answer because the drone can no longer be given: the one
	 * who asked disconnected, the drone left this node, or someone else took it.
	 */
	CONTROL_REQUEST_WITHDRAWN,
	/**
	 * The pilot in control allows anyone who asks to take the drone over without asking
	 * them.
	 */
	CONTROL_TAKEOVER_ALLOWED,
	/** The pilot in control wants to be asked again before anyone takes over. */
	CONTROL_TAKEOVER_DISALLOWED,
	/** A drone changed flight mode. */
	MODE_CHANGED,
	/** A pilot uploaded a mission for a drone; the detail says how many waypoints. */
	MISSION_UPLOADED,
	/** A drone started its mission from the first waypoint. */
	MISSION_STARTED,
	/** A drone went on with its paused mission from the waypoint it was at. */
	MISSION_RESUMED,
	/** A drone reached a waypoint of its mission; the detail names it. */
	MISSION_ITEM_REACHED,
	/**
	 * A drone's mission was interrupted: PAUSE, the pilot flying another mode, a handover
	 * of control, or a failsafe; the detail says which and at what waypoint.
	 */
	MISSION_PAUSED,
	/** A drone reached its mission's last waypoint and began its finish action. */
	MISSION_FINISHED,
	/** A pilot cleared a drone's mission. */
	MISSION_CLEARED,
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
