package io.dronehub.control;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Asks the pilot in control of a drone to hand it over, sent to their session alone on
 * {@code /user/queue/control-requests}.
 *
 * @param requestId what a GRANT or DENY names
 * @param droneId the drone asked for
 * @param from who asks
 * @param expiresAt when the request times out unanswered, epoch milliseconds
 */
@JsonClassDescription("Another pilot asks you for a drone you control: answer GRANT or DENY on /app/control "
		+ "with this requestId before expiresAt, or the request times out and you keep it.")
public record ControlPrompt(@JsonPropertyDescription("what your GRANT or DENY names") String requestId,
		@JsonPropertyDescription("the drone asked for") String droneId,
		@JsonPropertyDescription("who asks") String from,
		@JsonPropertyDescription("when the request times out unanswered, epoch milliseconds") long expiresAt) {

	/**
	 * Where prompts go, relative to the user destination prefix:
	 * {@code /user/queue/control-requests}.
	 */
	public static final String QUEUE = "/queue/control-requests";

}
