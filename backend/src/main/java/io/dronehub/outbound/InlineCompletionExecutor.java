package io.dronehub.outbound;

import java.util.concurrent.TimeUnit;

import org.apache.tomcat.util.threads.TaskQueue;
import org.apache.tomcat.util.threads.TaskThreadFactory;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;

/**
 * Tomcat's worker pool, built as Tomcat builds its own, except for the completion of a
 * write. Tomcat hands every completed asynchronous write to its executor, to run the
 * sender's callback on another thread, so a write that completes at once would wake a
 * worker for every message. A task handed over while the thread is inside a send that
 * {@link InlineCompletions} marks runs at once on that thread instead: the writer starts
 * its next send only after the current one returns. Every other task goes to the pool.
 */
public final class InlineCompletionExecutor extends ThreadPoolExecutor {

	private static final long IDLE_THREAD_MILLIS = 60_000;

	/**
	 * Creates the pool.
	 * @param name the connector's name, which prefixes its threads' names
	 * @param minSpareThreads threads kept when idle
	 * @param maxThreads the most threads
	 * @param maxQueueSize the most tasks waiting for a thread
	 * @param threadPriority its threads' priority
	 */
	public InlineCompletionExecutor(String name, int minSpareThreads, int maxThreads, int maxQueueSize,
			int threadPriority) {
		super(minSpareThreads, maxThreads, IDLE_THREAD_MILLIS, TimeUnit.MILLISECONDS, new TaskQueue(maxQueueSize),
				new TaskThreadFactory(name + "-exec-", true, threadPriority));
		((TaskQueue) getQueue()).setParent(this);
	}

	@Override
	public void execute(Runnable command) {
		if (InlineCompletions.writer() != null) {
			command.run();
			return;
		}
		super.execute(command);
	}

}
