package io.dronehub.command;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

/**
 * A request sent to {@code /app/control} to take or give up control of a drone. Throws
 * {@link InvalidCommandException} when constructed with a missing or invalid field.
 */
@JsonClassDescription("Takes or gives up control of a drone; at most one session controls a drone.")
public record ControlRequest(@JsonPropertyDescription("the drone, e.g. d1") String droneId,
		@JsonPropertyDescription("ACQUIRE (refused while another session controls the drone), RELEASE, or "
				+ "FORCE_RELEASE (ADMIN only: take control away from whoever holds it)") Action action,
		@JsonPropertyDescription("your id for this request (at most 64 characters), echoed in the reply") @Nullable String commandId)
		implements
			PilotRequest {

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
