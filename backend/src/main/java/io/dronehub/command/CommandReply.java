package io.dronehub.command;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.ResultCode;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a command, control or replay request, sent to the sender alone on
 * {@code /user/queue/replies}.
 */
@JsonClassDescription("The outcome of one command, control, mission or replay request, for the session that sent it "
		+ "alone.")
public record CommandReply(
		@JsonPropertyDescription("the request's commandId, or null if it had none") @Nullable String commandId,
		@JsonPropertyDescription("the drone concerned; for a replay request, the drone that flew the flight, or null "
				+ "when the flight is unknown or not being replayed") @Nullable String droneId,
		@JsonPropertyDescription("whether the request took effect") Status status,
		@JsonPropertyDescription("why it was rejected (modelled on MAVSDK's action results), or null when accepted") @Nullable ResultCode code,
		@JsonPropertyDescription("the rejection in words, or null when accepted") @Nullable String reason,
		@JsonPropertyDescription("for a refused mission upload, the index in items of the first waypoint refused; "
				+ "left out otherwise") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer item) {

	/**
	 * Where replies go, relative to the user destination prefix:
	 * {@code /user/queue/replies}.
	 */
	public static final String QUEUE = "/queue/replies";

	/**
	 * The reply to a request.
	 * @param commandId the request's id, or {@code null}
	 * @param droneId the drone concerned, or {@code null} if none is known
	 * @param result the outcome
	 * @return the reply
	 */
	public static CommandReply of(@Nullable String commandId, @Nullable String droneId, CommandResult result) {
		return new CommandReply(commandId, droneId, result.accepted() ? Status.ACCEPTED : Status.REJECTED,
				result.code(), result.reason(), result.item());
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
