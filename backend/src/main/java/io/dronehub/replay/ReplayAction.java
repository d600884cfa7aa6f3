package io.dronehub.replay;

/**
 * What a {@link ReplayRequest} asks for.
 */
public enum ReplayAction {

	/**
	 * Start replaying the flight, or, if this session replays it already, start again
	 * from the request's offset (a seek).
	 */
	PLAY,
	/** Hold the replay where it is. */
	PAUSE,
	/** Continue a paused replay from where it was paused. */
	RESUME,
	/** End the replay. */
	STOP

}
