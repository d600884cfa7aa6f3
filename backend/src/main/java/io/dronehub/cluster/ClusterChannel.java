package io.dronehub.cluster;

import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ClusterMessage}s over the {@link BrokerLink}, as JSON: what this node publishes,
 * and what the other nodes publish, without this node's own messages, which the broker
 * also delivers back to it. A body that is not a node's message is logged and ignored.
 */
final class ClusterChannel {

	private static final Log logger = LogFactory.getLog(ClusterChannel.class);

	private final ClusterNode node;

	private final BrokerLink link;

	private final JsonMapper json;

	ClusterChannel(ClusterNode node, BrokerLink link, JsonMapper json) {
		this.node = node;
		this.link = link;
		this.json = json;
	}

	/** This node's id. */
	String self() {
		return this.node.id();
	}

	/**
	 * Publishes a message, after those this node published before it.
	 * @param destination {@link ClusterMessage#DESTINATION} or
	 * {@link ClusterMessage#REQUESTS}
	 * @param message the message
	 * @return {@code false} when the broker link could not take it
	 */
	boolean publish(String destination, ClusterMessage message) {
		return this.link.publish(destination, this.json.writeValueAsBytes(message));
	}

	/**
	 * Hands the other nodes' messages on a destination to a handler, on the broker link's
	 * I/O thread, in the order each node sent them.
	 * @param destination {@link ClusterMessage#DESTINATION} or
	 * {@link ClusterMessage#REQUESTS}
	 * @param handler receives each message
	 */
	void subscribe(String destination, Consumer<ClusterMessage> handler) {
		this.link.subscribe(destination, (body) -> {
			ClusterMessage message;
			try {
				message = this.json.readValue(body, ClusterMessage.class);
			}
			catch (JacksonException ex) {
				logger
					.warn("Ignored a message on " + destination + " that is not a node's: " + ex.getOriginalMessage());
				return;
			}
			if (!message.node().equals(this.node.id())) {
				handler.accept(message);
			}
		});
	}

}
