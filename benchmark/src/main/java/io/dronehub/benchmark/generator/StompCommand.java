package io.dronehub.benchmark.generator;

/**
 * The server frames the generator reacts to; anything else is {@link #OTHER}.
 */
enum StompCommand {

	/** The server accepted the CONNECT. */
	CONNECTED,
	/** A message on a subscription. */
	MESSAGE,
	/** A receipt for a frame that asked for one. */
	RECEIPT,
	/** The server reports an error and closes the connection. */
	ERROR,
	/** Any other command. */
	OTHER

}
