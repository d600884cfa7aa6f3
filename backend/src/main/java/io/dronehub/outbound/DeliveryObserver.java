package io.dronehub.outbound;

/**
 * Told what the session writers deliver and which sessions they close for being too slow,
 * for instance to count it in metrics. Called on the threads that write to sessions, once
 * per write: implementations must be cheap and thread-safe and must not block.
 */
public interface DeliveryObserver {

	/**
	 * Called when a write holding {@link LatestFrames latest frames} (telemetry) is
	 * handed to a session's socket.
	 * @param frames how many latest frames the write holds
	 * @param oldestAgeNanos how long ago the oldest of them was published, in nanoseconds
	 */
	void latestFramesWritten(int frames, long oldestAgeNanos);

	/**
	 * Called when a session writer closes its session for not keeping up.
	 * @param reason what it could not keep up with
	 */
	void closedAsTooSlow(TooSlow reason);

	/**
	 * Why a session was too slow.
	 */
	enum TooSlow {

		/**
		 * A write made no progress for {@code hub.telemetry.stall-timeout}.
		 */
		STALLED,
		/**
		 * Frames that are never dropped piled up beyond
		 * {@code hub.telemetry.max-pending-frames}.
		 */
		OVERFLOW

	}

}
