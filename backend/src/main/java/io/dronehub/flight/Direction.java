package io.dronehub.flight;

/**
 * A direction for a relative hop (NUDGE), in the drone's own frame: forward is where its
 * nose points.
 */
public enum Direction {

	/** Climb. */
	UP,
	/** Descend. */
	DOWN,
	/** Ninety degrees left of the nose. */
	LEFT,
	/** Ninety degrees right of the nose. */
	RIGHT,
	/** Where the nose points. */
	FORWARD,
	/** Opposite to where the nose points. */
	BACK

}
