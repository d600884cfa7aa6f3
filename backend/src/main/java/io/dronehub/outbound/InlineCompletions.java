package io.dronehub.outbound;

import org.jspecify.annotations.Nullable;

/**
 * Which writer the current thread is inside an asynchronous send of, if any. The
 * container may report such a send complete before it returns, on the same thread; a
 * writer marked here starts no send from its completion, only after its send returns, so
 * the {@link InlineCompletionExecutor} may run that completion at once.
 */
public final class InlineCompletions {

	private static final ThreadLocal<Object> WRITER = new ThreadLocal<>();

	private InlineCompletions() {
	}

	/**
	 * Marks the current thread as inside a send of {@code writer}, until {@link #exit()}.
	 * @param writer the writer that sends
	 */
	public static void enter(Object writer) {
		WRITER.set(writer);
	}

	/**
	 * Ends what {@link #enter} began. The thread's entry stays, empty, so that the next
	 * {@code enter} updates it instead of inserting it again.
	 */
	public static void exit() {
		WRITER.set(null);
	}

	/**
	 * The writer the current thread is inside a send of.
	 * @return the writer, or {@code null} outside any send
	 */
	public static @Nullable Object writer() {
		return WRITER.get();
	}

}
