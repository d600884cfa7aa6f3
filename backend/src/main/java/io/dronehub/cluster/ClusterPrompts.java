package io.dronehub.cluster;

import io.dronehub.command.PromptRelay;
import io.dronehub.control.ControlPrompt;
import io.dronehub.control.ControlPrompts;
import io.dronehub.control.Pilot;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Prompts across the nodes of a cluster: the node that simulates a drone asks its pilot
 * in control, who may be connected to another node; the prompt goes there on
 * {@link ClusterMessage#REQUESTS}, and that node sends it to the pilot's session. A
 * prompt that the broker cannot take is not retried: the request then times out.
 */
final class ClusterPrompts implements PromptRelay {

	private static final Log logger = LogFactory.getLog(ClusterPrompts.class);

	private final String self;

	private final NodeSessions sessions;

	private final ClusterChannel channel;

	private final ObjectProvider<ControlPrompts> prompts;

	ClusterPrompts(ClusterChannel channel, ObjectProvider<ControlPrompts> prompts) {
		this.self = channel.self();
		this.sessions = new NodeSessions(channel.self());
		this.channel = channel;
		this.prompts = prompts;
	}

	@Override
	public boolean relayed(Pilot owner, ControlPrompt prompt) {
		String node = this.sessions.otherNode(owner.sessionId());
		if (node == null) {
			return false;
		}
		String session = new NodeSessions(node).local(owner.sessionId());
		if (!this.channel.publish(ClusterMessage.REQUESTS,
				new ClusterMessage.Prompt(this.self, node, owner.name(), session, prompt))) {
			logger.warn("Could not ask " + owner.name() + " on node " + node + " for " + prompt.droneId()
					+ ": the broker is away; the request times out at " + prompt.expiresAt());
		}
		return true;
	}

	/**
	 * Sends a prompt that another node relayed to the pilot's session here.
	 * @param prompt the relayed prompt, addressed to this node
	 */
	void deliver(ClusterMessage.Prompt prompt) {
		this.prompts.getObject().ask(new Pilot(prompt.pilot(), prompt.sessionId()), prompt.prompt());
	}

}
