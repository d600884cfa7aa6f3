package io.dronehub.outbound;

import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;

/**
 * The frames of one session of which only the newest of each kind matters, such as each
 * drone's latest telemetry: a newer frame replaces an undelivered older one. The
 * session's {@link SessionWriter} writes them after the frames that are never dropped.
 * <p>
 * Guarded by that writer: it calls these methods under its lock, and changes go through
 * {@link SessionWriter#updateLatest}.
 */
public interface LatestFrames {

	/**
	 * Whether any frame is waiting to be written.
	 * @return {@code true} if {@link #poll} would return a frame
	 */
	boolean hasPending();

	/**
	 * Removes the next waiting frame.
	 * @param taken told, in {@link System#nanoTime()}, when the frame was published
	 * @return the frame, or {@code null} if none is waiting
	 */
	@Nullable String poll(LongConsumer taken);

	/**
	 * Moves waiting frames, in order, to {@code batch} while they
	 * {@linkplain FrameBatch#fits fit}.
	 * @param batch the message being built
	 * @param taken told, in {@link System#nanoTime()}, when each moved frame was
	 * published
	 */
	void drainTo(FrameBatch batch, LongConsumer taken);

	/**
	 * How many frames newer ones replaced before they could be written.
	 * @return the count, since the session opened
	 */
	long conflated();

}
