package io.dronehub.flight;

/**
 * Told how long each simulation tick took, for instance to time ticks in metrics. Called
 * on the simulation thread after every tick: implementations must be quick and must not
 * block.
 */
@FunctionalInterface
public interface TickObserver {

	/**
	 * Called after a tick has stepped the fleet and handed out its states and events.
	 * @param durationNanos how long the tick took, in nanoseconds
	 */
	void tickTook(long durationNanos);

}
