package io.dronehub.cluster;

/**
 * This hub node among the nodes of the cluster.
 *
 * @param id the node's id: {@code hub.cluster.node-id}, or 8 hex digits generated at
 * start
 */
public record ClusterNode(String id) {

}
