package io.dronehub.contract;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * An inbound frame that could not be understood at all, sent to the sender alone on
 * {@code /user/queue/errors}; the session stays connected.
 */
@JsonClassDescription("A frame of yours that the hub could not understand or did not allow; it had no effect and "
		+ "the session stays connected.")
public record ErrorMessage(@JsonPropertyDescription("what went wrong, as a code") ErrorCode error,
		@JsonPropertyDescription("what went wrong, in words; names the field where there is one") String message) {

	/**
	 * Where errors go, relative to the user destination prefix:
	 * {@code /user/queue/errors}.
	 */
	public static final String QUEUE = "/queue/errors";

}
