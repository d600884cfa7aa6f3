package io.dronehub.cluster;

/**
 * Told when the {@link BrokerLink} connects to the broker and when it loses it. Called
 * once per transition, on one of the link's threads, never twice in a row for the same
 * state.
 */
public interface BrokerLinkListener {

	/**
	 * The link is connected and every subscription is made; {@link BrokerLink#publish}
	 * sends again.
	 */
	void linkUp();

	/**
	 * The link lost the broker, or stopped; it reconnects by itself unless it stopped.
	 * @param reason why, for logs and health
	 */
	void linkDown(String reason);

}
