package io.dronehub.command;

import io.dronehub.flight.CommandResult;
import io.dronehub.flight.ResultCode;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a command or control request, sent to the sender alone on
 * {@code /user/queue/replies}.
 *
 * @param commandId the sender's id for the request, or {@code null}
 * @param droneId the drone concerned
 * @param status {@code ACCEPTED} or {@code REJECTED}
 * @param code why it was rejected, or {@code null}
 * @param reason a human-readable explanation of a rejection, or {@code null}
 */
public record CommandReply(@Nullable String commandId, String droneId, Status status, @Nullable ResultCode code,
		@Nullable String reason) {

	static CommandReply of(@Nullable String commandId, String droneId, CommandResult result) {
		return new CommandReply(commandId, droneId, result.accepted() ? Status.ACCEPTED : Status.REJECTED,
				result.code(), result.reason());
	}

	/**
	 * Whether the request took effect.
	 */
	public enum Status {

		/** The request took effect. */
		ACCEPTED,
		/** The request was refused and nothing changed. */
		REJECTED

	}

}
