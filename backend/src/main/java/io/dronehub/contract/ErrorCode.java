package io.dronehub.contract;

/**
 * Why an inbound frame could not be understood at all; the {@code error} field of
 * messages on {@code /user/queue/errors}.
 */
public enum ErrorCode {

	/** The body is not valid JSON. */
	INVALID_JSON,
	/** The command {@code type} (or control {@code action}) is not one the hub knows. */
	UNKNOWN_TYPE,
	/** A required field is absent or null. */
	MISSING_FIELD,
	/**
	 * A field has the wrong JSON type, or a value that is not finite or not a valid
	 * coordinate.
	 */
	INVALID_FIELD,
	/** The sender's role does not allow this SEND or SUBSCRIBE. */
	FORBIDDEN,
	/** The session sent more commands per second than allowed; the frame was dropped. */
	RATE_LIMITED,
	/** A per-session limit (e.g. subscriptions) was reached; the frame was refused. */
	LIMIT_EXCEEDED,
	/** Something failed inside the hub; the request had no effect. */
	INTERNAL_ERROR

}
