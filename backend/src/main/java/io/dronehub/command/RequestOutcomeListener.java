package io.dronehub.command;

/**
 * Receives every command and control request once its outcome is decided. Called on the
 * simulation thread before the events the request caused are published, or on the
 * sender's thread when the simulation was too busy to take it: implementations must not
 * block.
 */
public interface RequestOutcomeListener {

	/**
	 * Called once per request.
	 * @param outcome the request and its reply
	 */
	void requestDecided(RequestOutcome outcome);

}
