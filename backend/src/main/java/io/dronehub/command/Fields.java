package io.dronehub.command;

import java.util.UUID;
import java.util.regex.Pattern;

import io.dronehub.contract.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * Structural checks for inbound fields, called from the compact constructors of the
 * {@link Command} records, {@link ControlRequest} and the other requests of the wire
 * contract: the one place a payload is checked, so that an invalid frame never becomes a
 * command and a record built in code is checked like one read from a frame. Each check
 * throws {@link InvalidCommandException}. Number components are {@link Double} so that a
 * number absent from the frame, or {@code null}, reaches the check as {@code null} and is
 * reported as missing.
 */
public final class Fields {

	private static final int MAX_ID_LENGTH = 64;

	private static final Pattern UUID_FORM = Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");

	private Fields() {
	}

	/**
	 * Checks a drone id: present, not blank, at most 64 characters.
	 * @param droneId the value from the frame
	 * @return the value
	 */
	public static String droneId(@Nullable String droneId) {
		return id("droneId", droneId);
	}

	/**
	 * Checks a required id: present, not blank, at most 64 characters.
	 * @param name the field's name, for the error message
	 * @param value the value from the frame
	 * @return the value
	 */
	public static String id(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidCommandException(ErrorCode.MISSING_FIELD, name + " is required");
		}
		if (value.length() > MAX_ID_LENGTH) {
			throw new InvalidCommandException(ErrorCode.INVALID_FIELD,
					name + " must be at most " + MAX_ID_LENGTH + " characters");
		}
		return value;
	}

	/**
	 * Checks an optional command id: at most 64 characters.
	 * @param commandId the value from the frame, or {@code null}
	 * @return the value
	 */
	public static @Nullable String commandId(@Nullable String commandId) {
		if (commandId != null && commandId.length() > MAX_ID_LENGTH) {
			throw new InvalidCommandException(ErrorCode.INVALID_FIELD,
					"commandId must be at most " + MAX_ID_LENGTH + " characters");
		}
		return commandId;
	}

	/**
	 * Checks a required number: present and finite.
	 * @param name the field's name, for the error message
	 * @param value the value from the frame
	 * @return the value
	 */
	public static double finite(String name, @Nullable Double value) {
		if (value == null) {
			throw new InvalidCommandException(ErrorCode.MISSING_FIELD, name + " is required");
		}
		if (!Double.isFinite(value)) {
			throw new InvalidCommandException(ErrorCode.INVALID_FIELD, name + " must be a finite number");
		}
		return value;
	}

	/**
	 * Checks a required number within an inclusive range.
	 * @param name the field's name, for the error message
	 * @param value the value from the frame
	 * @param min the smallest allowed value
	 * @param max the largest allowed value
	 * @return the value
	 */
	public static double within(String name, @Nullable Double value, double min, double max) {
		double checked = finite(name, value);
		if (checked < min || checked > max) {
			throw new InvalidCommandException(ErrorCode.INVALID_FIELD,
					name + " must be between " + min + " and " + max + ", was " + checked);
		}
		return checked;
	}

	/**
	 * Checks a number that may not be negative.
	 * @param name the field's name, for the error message
	 * @param value the value from the frame
	 * @return the value
	 */
	public static long notNegative(String name, long value) {
		if (value < 0) {
			throw new InvalidCommandException(ErrorCode.INVALID_FIELD, name + " must be 0 or more, was " + value);
		}
		return value;
	}

	/**
	 * Checks a required UUID in its usual form, such as a recorded flight's id.
	 * @param name the field's name, for the error message
	 * @param value the value from the frame
	 * @return the UUID
	 */
	public static UUID uuid(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidCommandException(ErrorCode.MISSING_FIELD, name + " is required");
		}
		if (!UUID_FORM.matcher(value).matches()) {
			String was = (value.length() <= MAX_ID_LENGTH) ? ", was '" + value + "'" : "";
			throw new InvalidCommandException(ErrorCode.INVALID_FIELD,
					name + " must be a UUID such as 3f2b8c1e-0d4a-4c53-9a57-7e1f0b6d2c90" + was);
		}
		return UUID.fromString(value);
	}

	/**
	 * Checks a required value of any type.
	 * @param <T> the value's type
	 * @param name the field's name, for the error message
	 * @param value the value from the frame
	 * @return the value
	 */
	public static <T> T required(String name, @Nullable T value) {
		if (value == null) {
			throw new InvalidCommandException(ErrorCode.MISSING_FIELD, name + " is required");
		}
		return value;
	}

}
