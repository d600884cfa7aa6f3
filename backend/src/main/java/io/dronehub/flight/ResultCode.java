package io.dronehub.flight;

/**
 * Why a command or control request was refused; modelled on MAVSDK's action results so
 * that ground-control developers recognise them.
 */
public enum ResultCode {

	/** No drone with that id. */
	NO_SYSTEM,
	/** The sender does not control that drone. */
	NOT_IN_CONTROL,
	/** Another pilot controls that drone. */
	CONTROLLED_BY_OTHER,
	/** The command is not allowed in the drone's current mode. */
	COMMAND_DENIED,
	/** The command needs the drone on the ground (e.g. DISARM in flight). */
	COMMAND_DENIED_NOT_LANDED,
	/** A value is outside the drone's limits (e.g. altitude below the minimum). */
	OUT_OF_RANGE,
	/** The target lies outside the geofence. */
	GEOFENCE,
	/**
	 * A mission item lacks a number or has one that is not finite or out of its range
	 * (MAVSDK's mission result {@code INVALID_ARGUMENT}); the reply names the item.
	 */
	INVALID_ARGUMENT,
	/** The simulation's command queue is full; try again. */
	BUSY,
	/**
	 * The drone is simulated by another node of a cluster, or is being handed over
	 * between nodes; nothing changed, try again.
	 */
	TEMPORARILY_REJECTED,
	/** A control request that the pilot in control denied. */
	DENIED,
	/** A control request that the pilot in control did not answer in time. */
	TIMEOUT

}
