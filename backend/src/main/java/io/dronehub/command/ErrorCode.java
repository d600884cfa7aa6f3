package io.dronehub.command;

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
	/** Something failed inside the hub; the request had no effect. */
	INTERNAL_ERROR

}
