package io.dronehub.foxglove;

/**
 * A time in Foxglove's messages: seconds since the Unix epoch and nanoseconds within that
 * second.
 *
 * @param sec whole seconds
 * @param nsec from 0 to 999,999,999
 */
public record FoxgloveTime(long sec, int nsec) {

	public static FoxgloveTime ofEpochMillis(long millis) {
		return new FoxgloveTime(Math.floorDiv(millis, 1000), (int) (Math.floorMod(millis, 1000) * 1_000_000));
	}

}
