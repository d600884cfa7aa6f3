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

	private final StringBuilder joined;

	private @Nullable String first;

	private int count;

	private int length;

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
		return this.count == 0 || this.length + frame.length() <= this.limit;
	}

	/**
	 * Adds a frame after the others; call it only when {@link #fits} said so.
	 * @param frame the frame
	 */
	public void add(String frame) {
		if (this.count == 0) {
			this.first = frame;
		}
		else {
			if (this.count == 1) {
				this.joined.append(this.first);
				this.first = null;
			}
			this.joined.append(frame);
		}
		this.count++;
		this.length += frame.length();
	}

	/**
	 * Takes the message and empties the batch for the next write.
	 * @return the one frame, the frames joined, or {@code null} if there were none
	 */
	public @Nullable String take() {
		String message = (this.count == 1) ? this.first : (this.count > 1) ? this.joined.toString() : null;
		this.first = null;
		this.joined.setLength(0);
		this.count = 0;
		this.length = 0;
		return message;
	}

}
