package io.dronehub.flight;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.dronehub.contract.Unit;
import org.jspecify.annotations.Nullable;

/**
 * How control of a drone may change hands, for everyone watching it: whether its pilot
 * lets anyone who asks take over, and the request that waits for the pilot's answer.
 *
 * @param allowTakeover whether a request is granted without asking the pilot
 * @param request the request waiting for the pilot's answer, or {@code null}
 */
@JsonClassDescription("How control of the drone may change hands: sent while its pilot allows takeover or a request "
		+ "waits for the pilot's answer, left out otherwise.")
public record ControlStatus(
		@JsonPropertyDescription("whether the pilot lets anyone who asks take control at once") boolean allowTakeover,
		@JsonPropertyDescription("the request for control that waits for the pilot's answer, or null") @Nullable WaitingRequest request) {

	/**
	 * A request for control that waits for the pilot's answer.
	 *
	 * @param from the name of the pilot who asks
	 * @param expiresAt when it times out, epoch milliseconds
	 */
	@JsonClassDescription("A request for control that waits for the pilot's answer.")
	public record WaitingRequest(@JsonPropertyDescription("the name of the pilot who asks") String from,
			@JsonPropertyDescription("when the request times out unless answered, epoch milliseconds") @Unit("ms") long expiresAt) {
	}

}
