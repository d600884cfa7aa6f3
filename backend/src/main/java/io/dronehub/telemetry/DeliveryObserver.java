package io.dronehub.telemetry;

/**
 * Told what the outboxes deliver and which sessions they close for being too slow, for
 * instance to count it in metrics. Called on the threads that write to sessions, once per
 * write: implementations must be cheap and thread-safe and must not block.
 */
public interface DeliveryObserver {

	/**
	 * Called when a write holding telemetry is handed to a session's socket.
	 * @param frames how many telemetry frames the write holds
	 * @param oldestAgeNanos how long ago the simulation handed the oldest of them to the
	 * fan-out, in nanoseconds
	 */
	void telemetryWritten(int frames, long oldestAgeNanos);

	/**
	 * Called when an outbox closes its session for not keeping up.
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
