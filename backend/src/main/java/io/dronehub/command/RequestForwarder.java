package io.dronehub.command;

import java.util.concurrent.CompletableFuture;

import io.dronehub.control.Pilot;

/**
 * Sends a request for a drone that another node of a cluster simulates to that node, and
 * brings its reply back. There is none on a single hub.
 */
public interface RequestForwarder {

	/**
	 * Whether another node simulates a drone. Called on the simulation thread for a drone
	 * not simulated here: must be quick.
	 * @param droneId the drone
	 * @return {@code true} if a live node says it simulates it
	 */
	boolean simulatedElsewhere(String droneId);

	/**
	 * Sends a request to the node that simulates its drone.
	 * @param request the request
	 * @param pilot who sent it, on this node
	 * @param admin whether the sender has the ADMIN role
	 * @return the reply that node decided, or a {@code TEMPORARILY_REJECTED} one when it
	 * could not be reached in time
	 */
	CompletableFuture<CommandReply> forward(PilotRequest request, Pilot pilot, boolean admin);

}
