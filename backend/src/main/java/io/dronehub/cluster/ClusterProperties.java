package io.dronehub.cluster;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the cluster ({@code hub.cluster.*}): hub nodes joined by a STOMP message
 * broker.
 *
 * @param enabled whether this node joins the other nodes through the broker; when
 * {@code false} nothing connects
 * @param nodeId this node's id among the nodes; when unset, 8 hex digits generated at
 * start
 * @param broker the STOMP broker the nodes share
 * @param heartbeat how often a node announces itself to the others and renews its drones'
 * leases
 * @param nodeTimeout a node not heard from for this long is taken for lost; its drones'
 * leases expire after it
 */
@ConfigurationProperties("hub.cluster")
@Validated
public record ClusterProperties(@DefaultValue("false") boolean enabled, @Nullable String nodeId,
		@DefaultValue @Valid Broker broker, @DefaultValue("1s") @DurationMin(millis = 1) Duration heartbeat,
		@DefaultValue("3s") Duration nodeTimeout) {

	@AssertTrue(message = "hub.cluster.node-timeout must be longer than hub.cluster.heartbeat")
	boolean isNodeTimeoutLongerThanHeartbeat() {
		return this.nodeTimeout.compareTo(this.heartbeat) > 0;
	}

	/**
	 * Where the broker's STOMP port is and how a node logs in to it.
	 *
	 * @param host the broker's host name or address
	 * @param port the broker's STOMP port: RabbitMQ's STOMP plugin and Artemis's STOMP
	 * acceptor listen on 61613
	 * @param login the user a node logs in as
	 * @param passcode that user's password
	 * @param virtualHost the {@code host} header of the STOMP CONNECT frame, which
	 * RabbitMQ takes for the virtual host
	 */
	public record Broker(@DefaultValue("127.0.0.1") String host, @DefaultValue("61613") @Min(1) @Max(65535) int port,
			@DefaultValue("guest") String login, @DefaultValue("guest") String passcode,
			@DefaultValue("/") String virtualHost) {

	}

}
