package io.dronehub.replay;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.dronehub.command.Fields;
import io.dronehub.command.InvalidCommandException;
import io.dronehub.contract.Unit;
import org.jspecify.annotations.Nullable;

/**
 * A request sent to {@code /app/replay} to replay a recorded flight, or to pause, resume
 * or stop its replay. Throws {@link InvalidCommandException} when constructed with a
 * missing or invalid field; absent optional fields get their defaults here, so a
 * constructed request's {@code action}, {@code speed} and {@code offsetMs} are never
 * {@code null}.
 */
@JsonClassDescription("Replays a recorded flight to the sender alone on /user/queue/replay, or pauses, resumes or "
		+ "stops that replay.")
public record ReplayRequest(
		@JsonPropertyDescription("your id for this request (at most 64 characters), echoed in the reply") @Nullable String commandId,
		@JsonPropertyDescription("the recorded flight, a UUID as GET /api/flights lists it") String flightId,
		@JsonPropertyDescription("PLAY (when absent): start, or start again from offsetMs if this session replays the "
				+ "flight already; PAUSE, RESUME or STOP this session's replay of the flight") @Nullable ReplayAction action,
		@JsonPropertyDescription("how many times faster than recorded, from 0.25 to 32; 1 when absent") @Nullable Double speed,
		@JsonPropertyDescription("where to start, from the flight's first state, at most the flight's length; 0 when "
				+ "absent") @Unit("ms") @Nullable Long offsetMs) {

	/** The slowest replay, a quarter of the recorded pace. */
	private static final double MIN_SPEED = 0.25;

	/** The fastest replay, 32 times the recorded pace. */
	private static final double MAX_SPEED = 32;

	public ReplayRequest {
		commandId = Fields.commandId(commandId);
		flightId = Fields.uuid("flightId", flightId).toString();
		action = (action != null) ? action : ReplayAction.PLAY;
		speed = (speed != null) ? Fields.within("speed", speed, MIN_SPEED, MAX_SPEED) : 1.0;
		offsetMs = (offsetMs != null) ? Fields.notNegative("offsetMs", offsetMs) : 0L;
	}

	/**
	 * The flight to replay.
	 * @return its id
	 */
	UUID flight() {
		return UUID.fromString(this.flightId);
	}

}
