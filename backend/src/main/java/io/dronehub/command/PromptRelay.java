package io.dronehub.command;

import io.dronehub.control.ControlPrompt;
import io.dronehub.control.Pilot;

/**
 * Takes a prompt for a pilot connected to another node of a cluster to that node. There
 * is none on a single hub.
 */
public interface PromptRelay {

	/**
	 * Sends a prompt to the node of the pilot's session, if that is another node.
	 * @param owner the pilot in control, with their session named for the cluster
	 * @param prompt what they are asked
	 * @return {@code true} if the session is another node's and the prompt went there;
	 * {@code false} if the session is this node's
	 */
	boolean relayed(Pilot owner, ControlPrompt prompt);

}
