package io.dronehub.replay;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.dronehub.contract.Unit;
import io.dronehub.flight.DroneState;

/**
 * One message of a replay, sent to the session that asked for it alone on
 * {@code /user/queue/replay}: a PLAYING frame for each step that has states due and when
 * the replay starts or resumes, a PAUSED frame when it pauses, and an ENDED or STOPPED
 * frame last.
 *
 * @param flightId the flight replayed
 * @param status where the replay stands
 * @param positionMs how far into the flight the replay is, from its first state
 * @param durationMs the flight's recorded length
 * @param states the recorded states due since the previous frame, in recorded order
 */
@JsonClassDescription("One step of a replay of a recorded flight, for the session that asked for it alone.")
public record ReplayFrame(@JsonPropertyDescription("the flight replayed, as in the request") String flightId,
		@JsonPropertyDescription("PLAYING, PAUSED, or ENDED (the end of the flight) or STOPPED in a replay's last "
				+ "frame") ReplayStatus status,
		@JsonPropertyDescription("how far into the flight the replay is, from its first state: every state "
				+ "recorded up to here has been sent") @Unit("ms") long positionMs,
		@JsonPropertyDescription("the flight's recorded length, from its first state to its end") @Unit("ms") long durationMs,
		@JsonPropertyDescription("the recorded states due since the previous frame, in recorded order, each the "
				+ "telemetry message it was live, with its original seq and timestamp; at most " + MAX_STATES
				+ ", and none in a PAUSED, ENDED or STOPPED frame") List<DroneState> states) {

	/**
	 * Where replay frames go, relative to the user destination prefix:
	 * {@code /user/queue/replay}.
	 */
	public static final String QUEUE = "/queue/replay";

	/**
	 * The most states one frame holds, so that a frame stays well under the 8 KiB that
	 * Jakarta WebSocket clients accept by default.
	 */
	public static final int MAX_STATES = 10;

}
