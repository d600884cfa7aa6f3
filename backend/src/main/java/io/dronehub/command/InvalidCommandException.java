package io.dronehub.command;

import io.dronehub.contract.ErrorCode;

/**
 * A command frame that parsed as JSON but is not a well-formed command: a required field
 * is missing, or a value is not a finite number or a valid coordinate. Thrown by the
 * records' constructors; one thrown while a frame is converted is answered on
 * {@code /user/queue/errors}.
 */
public class InvalidCommandException extends IllegalArgumentException {

	private final ErrorCode code;

	InvalidCommandException(ErrorCode code, String message) {
		super(message);
		this.code = code;
	}

	/**
	 * The machine-readable error code.
	 * @return {@link ErrorCode#MISSING_FIELD} or {@link ErrorCode#INVALID_FIELD}
	 */
	public ErrorCode code() {
		return this.code;
	}

}
