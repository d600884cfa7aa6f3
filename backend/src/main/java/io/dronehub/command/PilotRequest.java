package io.dronehub.command;

import org.jspecify.annotations.Nullable;

/**
 * What a pilot sends that the simulation decides: a {@link Command}, a
 * {@link ControlRequest} or a {@link MissionRequest}.
 */
public sealed interface PilotRequest permits Command, ControlRequest, MissionRequest {

	/**
	 * The drone the request is for.
	 * @return e.g. {@code d1}
	 */
	String droneId();

	/**
	 * The sender's id for this request, echoed in the reply.
	 * @return the id, or {@code null} if the sender gave none
	 */
	@Nullable String commandId();

}
