package io.dronehub.cluster;

import org.jspecify.annotations.Nullable;

/**
 * How a node of a cluster names pilots' sessions to the other nodes: a session of its own
 * by its id prefixed with this node's id ({@code a/3f1c…}), so that a pilot's session is
 * one name wherever its requests are decided, and back.
 *
 * @param self this node's id
 */
record NodeSessions(String self) {

	/**
	 * The name the other nodes know a session by.
	 * @param sessionId a session of this node, or one already named for the cluster
	 * @return the name for the cluster
	 */
	String global(String sessionId) {
		return sessionId.contains("/") ? sessionId : this.self + "/" + sessionId;
	}

	/**
	 * The id this node knows a session by.
	 * @param globalId a session's name for the cluster
	 * @return the session's own id if it is this node's, otherwise the name unchanged
	 */
	String local(String globalId) {
		String prefix = this.self + "/";
		return globalId.startsWith(prefix) ? globalId.substring(prefix.length()) : globalId;
	}

	/**
	 * The node that a session named for the cluster is connected to, if another.
	 * @param globalId a session's name for the cluster, or a session of this node
	 * @return the other node's id, or {@code null} if the session is this node's
	 */
	@Nullable String otherNode(String globalId) {
		int slash = globalId.indexOf('/');
		String node = (slash > 0) ? globalId.substring(0, slash) : null;
		return (node != null && !node.equals(this.self)) ? node : null;
	}

}
