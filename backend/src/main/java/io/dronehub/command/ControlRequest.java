package io.dronehub.command;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

/**
 * A request sent to {@code /app/control} to take, ask for, hand over or give up control
 * of a drone. Throws {@link InvalidCommandException} when constructed with a missing or
 * invalid field.
 */
@JsonClassDescription("Takes, asks for, hands over or gives up control of a drone; at most one session controls a "
		+ "drone.")
public record ControlRequest(@JsonPropertyDescription("the drone, e.g. d1") String droneId,
		@JsonPropertyDescription("ACQUIRE (refused while another session controls the drone), REQUEST (ask its pilot), "
				+ "GRANT or DENY (answer a request for a drone you control), ALLOW_TAKEOVER (let anyone who asks take "
				+ "it), RELEASE, or FORCE_RELEASE (ADMIN only: take control away from whoever holds it)") Action action,
		@JsonPropertyDescription("your id for this request (at most 64 characters), echoed in the reply") @Nullable String commandId,
		@JsonPropertyDescription("REQUEST only: seconds the pilot in control has to answer, 3 to 60 (default 10)") @Nullable Double timeoutS,
		@JsonPropertyDescription("GRANT and DENY only: the requestId of the request answered") @Nullable String requestId,
		@JsonPropertyDescription("ALLOW_TAKEOVER only: true to let anyone who asks take the drone, false to be asked") @Nullable Boolean allow)
		implements
			PilotRequest {

	/** The seconds a pilot in control has to answer a REQUEST that gives none. */
	public static final double DEFAULT_TIMEOUT_S = 10;

	public ControlRequest {
		droneId = Fields.droneId(droneId);
		action = Fields.required("action", action);
		commandId = Fields.commandId(commandId);
		if (action == Action.REQUEST) {
			timeoutS = Fields.within("timeoutS", (timeoutS != null) ? timeoutS : DEFAULT_TIMEOUT_S, 3, 60);
		}
		if (action == Action.GRANT || action == Action.DENY) {
			requestId = Fields.uuid("requestId", requestId).toString();
		}
		if (action == Action.ALLOW_TAKEOVER) {
			allow = Fields.required("allow", allow);
		}
	}

	/**
	 * A request with no field but its action's.
	 * @param droneId the drone
	 * @param action what the sender wants
	 * @param commandId the sender's id for it, or {@code null}
	 */
	public ControlRequest(String droneId, Action action, @Nullable String commandId) {
		this(droneId, action, commandId, null, null, null);
	}

	/**
	 * How long the pilot in control has to answer a REQUEST.
	 * @return the timeout
	 */
	public Duration timeout() {
		return Duration.ofMillis(Math.round(((timeoutS != null) ? timeoutS : DEFAULT_TIMEOUT_S) * 1000));
	}

	/**
	 * What the sender wants.
	 */
	public enum Action {

		/** Take control; refused while another session holds it. */
		ACQUIRE,
		/**
		 * Ask for control: granted at once if the drone is free or its pilot allows
		 * takeover, otherwise when its pilot grants it; the reply comes when it is
		 * decided.
		 */
		REQUEST,
		/** Hand a drone you control to the pilot whose request is named. */
		GRANT,
		/** Refuse the request named; you keep the drone. */
		DENY,
		/** Let anyone who asks take the drone without asking you, or not. */
		ALLOW_TAKEOVER,
		/** Give control up. */
		RELEASE,
		/**
		 * Take control away from whoever holds it (ADMIN only), e.g. from a stuck pilot.
		 */
		FORCE_RELEASE

	}

}
