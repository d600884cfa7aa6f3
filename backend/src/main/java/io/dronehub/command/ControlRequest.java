package io.dronehub.command;

import org.jspecify.annotations.Nullable;

/**
 * A request sent to {@code /app/control} to take or give up control of a drone.
 *
 * @param droneId the drone
 * @param action {@code ACQUIRE}, {@code RELEASE} or {@code FORCE_RELEASE}
 * @param commandId the sender's id for this request, or {@code null}
 */
public record ControlRequest(String droneId, Action action, @Nullable String commandId) {

	public ControlRequest {
		droneId = Fields.droneId(droneId);
		action = Fields.required("action", action);
		commandId = Fields.commandId(commandId);
	}

	/**
	 * What the sender wants.
	 */
	public enum Action {

		/** Take control; refused while another session holds it. */
		ACQUIRE,
		/** Give control up. */
		RELEASE,
		/**
		 * Take control away from whoever holds it (ADMIN only), e.g. from a stuck pilot.
		 */
		FORCE_RELEASE

	}

}
