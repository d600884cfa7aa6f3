package io.dronehub.replay;

/**
 * Where a replay stands, as each {@link ReplayFrame} says.
 */
public enum ReplayStatus {

	/** The replay is sending the flight's states as their time comes. */
	PLAYING,
	/** The replay holds where it is until resumed. */
	PAUSED,
	/** The replay reached the end of the flight; its last frame. */
	ENDED,
	/**
	 * The replay was stopped before the end: by a STOP, by a newer PLAY of the same
	 * flight, because its states could not be read, or because the hub stops; its last
	 * frame.
	 */
	STOPPED

}
