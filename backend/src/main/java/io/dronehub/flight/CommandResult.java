package io.dronehub.flight;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of a command or control request, decided on the simulation thread.
 * Rejections are values, not exceptions.
 *
 * @param accepted whether the request took effect
 * @param code why it was refused, or {@code null} when accepted
 * @param reason a human-readable explanation, or {@code null} when accepted
 * @param item the index of the mission item refused, or {@code null} when no item is
 */
public record CommandResult(boolean accepted, @Nullable ResultCode code, @Nullable String reason,
		@Nullable Integer item) {

	private static final CommandResult ACCEPTED = new CommandResult(true, null, null, null);

	/**
	 * The result of a request that took effect.
	 * @return the accepted result
	 */
	public static CommandResult ok() {
		return ACCEPTED;
	}

	/**
	 * The result of a request for a drone that does not exist.
	 * @param droneId the id the request named
	 * @return a {@link ResultCode#NO_SYSTEM} rejection
	 */
	public static CommandResult noSuchDrone(String droneId) {
		return rejected(ResultCode.NO_SYSTEM, "no drone with id " + droneId);
	}

	/**
	 * The result of a refused request; nothing changed.
	 * @param code the machine-readable reason
	 * @param reason the human-readable reason
	 * @return the rejected result
	 */
	public static CommandResult rejected(ResultCode code, String reason) {
		return new CommandResult(false, code, reason, null);
	}

	/**
	 * The result of a mission refused for one of its items; nothing changed.
	 * @param code the machine-readable reason
	 * @param item the index of the first item refused
	 * @param reason the human-readable reason
	 * @return the rejected result
	 */
	public static CommandResult rejectedItem(ResultCode code, int item, String reason) {
		return new CommandResult(false, code, "items[" + item + "]: " + reason, item);
	}

}
