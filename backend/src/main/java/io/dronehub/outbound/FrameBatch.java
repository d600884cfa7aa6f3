package io.dronehub.outbound;

import org.jspecify.annotations.Nullable;

/**
 * The frames of one write, in order, within a limit of characters. A single frame leaves
 * as the very string it was given, so the frame that every subscriber of a drone shares
 * is not copied for each of them; several are joined into one message. A frame longer
 * than the limit goes alone.
 * <p>
 * Not thread-safe: a batch is filled and taken within one call of its
 * {@link SessionWriter}, under that writer's lock.
 */
public final class FrameBatch {

	private final int limit;

	/** The frames when there are several; empty while there is one or none. */
	private final StringBuilder joined;

	/** The frame when it is the only one. */
	private @Nullable String first;

	/**
	 * Creates an empty batch.
	 * @param limit the most characters that several frames may take together
	 */
	public FrameBatch(int limit) {
		this.limit = limit;
		// grows once to what the batches of the writing thread need, then is reused
		this.joined = new StringBuilder();
	}

	/**
	 * Whether a frame may join the batch: it is empty, or the frame keeps it within the
	 * limit.
	 * @param frame the frame
	 * @return {@code true} if {@link #add} may take it
	 */
	public boolean fits(String frame) {
		int length = (this.first != null) ? this.first.length() : this.joined.length();
		return length == 0 || length + frame.length() <= this.limit;
	}

	/**
	 * Adds a frame after the others; call it only when {@link #fits} said so.
	 * @param frame the frame
	 */
	public void add(String frame) {
		if (this.first == null && this.joined.isEmpty()) {
			this.first = frame;
			return;
		}
		if (this.first != null) {
			this.joined.append(this.first);
			this.first = null;
		}
		this.joined.append(frame);
	}

	/**
	 * Takes the message and empties the batch for the next write.
	 * @return the one frame, the frames joined, or {@code null} if there were none
	 */
	public @Nullable String take() {
		String message = (this.first != null) ? this.first : this.joined.isEmpty() ? null : this.joined.toString();
		this.first = null;
		this.joined.setLength(0);
		return message;
	}

}
