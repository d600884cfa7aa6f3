package io.dronehub.outbound;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;

import io.dronehub.outbound.DeliveryObserver.TooSlow;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * Writes everything that leaves for one WebSocket session, without ever blocking the
 * caller.
 * <p>
 * Spring's frames (CONNECTED, replies, errors, events, heart-beats, RECEIPT, ERROR)
 * arrive through {@link #sendMessage} and are never dropped; after them the writer drains
 * the session's {@link LatestFrames}, such as telemetry, where a newer frame replaces an
 * undelivered older one. One asynchronous write is in flight at a time; when it
 * completes, everything pending leaves as the next write — one WebSocket message of
 * several STOMP frames when batching is on. A write that makes no progress for the stall
 * timeout, or frames that pile up beyond the limit, close the session: a slow client
 * costs only itself. Each write of latest frames, and each such close, is reported to a
 * {@link DeliveryObserver}.
 * <p>
 * Thread-safe: Spring's outbound threads, the simulation thread and the container's
 * completion threads all use it, under this object's lock, which also guards its latest
 * frames.
 *
 * @param <L> the kind of latest frames the session has
 */
public final class SessionWriter<L extends LatestFrames> extends WebSocketSessionDecorator {

	private static final Log logger = LogFactory.getLog(SessionWriter.class);

	/**
	 * The most characters batched into one WebSocket message: under the hub's 4 KiB
	 * WebSocket frame buffer, so that a batch leaves as a single frame, and under the 8
	 * KiB message buffer that Jakarta WebSocket clients (Tomcat's, under Spring's STOMP
	 * client) have by default.
	 */
	static final int MAX_BATCH_CHARS = 4000;

	/**
	 * Each thread's batch under construction, reused from one write to the next: a batch
	 * is filled and taken within one call, under one writer's lock.
	 */
	private static final ThreadLocal<FrameBatch> BATCH = ThreadLocal.withInitial(() -> new FrameBatch(MAX_BATCH_CHARS));

	private final RemoteEndpoint.Async remote;

	private final L latest;

	private final WriterSettings settings;

	private final Executor closer;

	private final DeliveryObserver deliveries;

	/** Notes a latest frame taken for the next write; one instance per writer. */
	private final LongConsumer takeLatest = this::tookLatest;

	private final ArrayDeque<String> frames = new ArrayDeque<>();

	private long pendingBytes;

	/** Latest frames taken for the next write. */
	private int takenFrames;

	/** When the oldest of {@link #takenFrames} was published. */
	private long oldestTakenNanos;

	private boolean writing;

	private boolean broken;

	/**
	 * A write completed inside {@code sendText}: the sending thread starts the next one.
	 */
	private boolean flushAgain;

	private @Nullable CloseStatus closeWhenFlushed;

	SessionWriter(WebSocketSession session, RemoteEndpoint.Async remote, L latest, WriterSettings settings,
			Executor closer, DeliveryObserver deliveries) {
		super(session);
		this.remote = remote;
		this.latest = latest;
		this.settings = settings;
		this.closer = closer;
		this.deliveries = deliveries;
		remote.setSendTimeout(settings.stallTimeout().toMillis());
	}

	@Override
	public void sendMessage(WebSocketMessage<?> message) throws IOException {
		if (!(message instanceof TextMessage text)) {
			throw new IllegalArgumentException("The hub sends text frames only, not " + message);
		}
		boolean overflow;
		synchronized (this) {
			if (this.broken) {
				return;
			}
			String frame = text.getPayload();
			this.frames.add(frame);
			this.pendingBytes += frame.length();
			overflow = this.pendingBytes > this.settings.maxPendingFrames().toBytes();
		}
		if (overflow) {
			broken("more than " + this.settings.maxPendingFrames() + " of frames waiting", TooSlow.OVERFLOW);
			return;
		}
		flush();
	}

	@Override
	public void close(CloseStatus status) throws IOException {
		boolean now;
		synchronized (this) {
			this.closeWhenFlushed = status;
			now = !this.writing && this.frames.isEmpty();
		}
		if (now) {
			getDelegate().close(status);
		}
	}

	@Override
	public void close() throws IOException {
		close(CloseStatus.NORMAL);
	}

	/**
	 * Changes this session's latest frames under this writer's lock, then writes them if
	 * any are pending and no write is in flight. Does nothing once the session is
	 * closing: nothing more of them would be written.
	 * @param <T> the type of the change's argument
	 * @param change what to do to the latest frames, such as offering newer ones; an
	 * unbound method reference, which captures nothing, costs no allocation
	 * @param argument what {@code change} is given beside the latest frames
	 */
	public <T> void updateLatest(BiConsumer<? super L, ? super T> change, T argument) {
		synchronized (this) {
			if (this.broken || this.closeWhenFlushed != null) {
				return;
			}
			change.accept(this.latest, argument);
			if (!this.latest.hasPending()) {
				return;
			}
		}
		flush();
	}

	/** Whether nothing is waiting and no write is in flight. */
	synchronized boolean idle() {
		return !this.writing && this.frames.isEmpty() && !this.latest.hasPending();
	}

	/**
	 * How many latest frames were replaced by newer ones before they could be written.
	 */
	synchronized long conflated() {
		return this.latest.conflated();
	}

	/**
	 * Starts the next write unless one is in flight. Tomcat may report a write complete
	 * inside {@code sendText} itself; starting the next write from there would nest
	 * inside the container's unfinished call and corrupt the stream, so such a completion
	 * only asks the outer call to loop.
	 */
	private void flush() {
		if (InlineCompletions.writer() == this) {
			synchronized (this) {
				this.flushAgain = true;
			}
			return;
		}
		while (true) {
			String next;
			int latestFrames;
			long oldestPublishedNanos;
			synchronized (this) {
				this.flushAgain = false;
				if (this.writing || this.broken) {
					return;
				}
				this.takenFrames = 0;
				next = this.settings.batchFrames() ? drainAll() : pollOne();
				if (next == null) {
					return;
				}
				this.writing = true;
				latestFrames = this.takenFrames;
				oldestPublishedNanos = this.oldestTakenNanos;
			}
			long oldestAgeNanos = (latestFrames > 0) ? System.nanoTime() - oldestPublishedNanos : 0;
			InlineCompletions.enter(this);
			try {
				this.remote.sendText(next, this::written);
			}
			catch (RuntimeException ex) {
				broken("the connection failed: " + ex.getMessage(), null);
				return;
			}
			finally {
				InlineCompletions.exit();
			}
			if (latestFrames > 0) {
				this.deliveries.latestFramesWritten(latestFrames, oldestAgeNanos);
			}
			synchronized (this) {
				if (!this.flushAgain) {
					return;
				}
			}
		}
	}

	private void written(SendResult result) {
		if (!result.isOK()) {
			broken("a write made no progress for " + this.settings.stallTimeout().toSeconds() + " s",
					isOpen() ? TooSlow.STALLED : null);
			return;
		}
		CloseStatus close;
		synchronized (this) {
			this.writing = false;
			close = (this.closeWhenFlushed != null && this.frames.isEmpty()) ? this.closeWhenFlushed : null;
		}
		if (close != null) {
			this.closer.execute(() -> closeQuietly(close));
			return;
		}
		flush();
	}

	/**
	 * As much as is pending, Spring's frames first, as one message of at most
	 * {@link #MAX_BATCH_CHARS}; guarded by this.
	 */
	private @Nullable String drainAll() {
		FrameBatch batch = BATCH.get();
		while (!this.frames.isEmpty() && batch.fits(this.frames.peek())) {
			String frame = this.frames.poll();
			this.pendingBytes -= frame.length();
			batch.add(frame);
		}
		if (this.frames.isEmpty() && this.closeWhenFlushed == null) {
			this.latest.drainTo(batch, this.takeLatest);
		}
		return batch.take();
	}

	/** The next single frame, Spring's first; guarded by this. */
	private @Nullable String pollOne() {
		String frame = this.frames.poll();
		if (frame != null) {
			this.pendingBytes -= frame.length();
			return frame;
		}
		if (this.closeWhenFlushed != null) {
			return null;
		}
		return this.latest.poll(this.takeLatest);
	}

	/** Notes a latest frame taken for the next write; guarded by this. */
	private void tookLatest(long publishedNanos) {
		if (this.takenFrames == 0 || publishedNanos - this.oldestTakenNanos < 0) {
			this.oldestTakenNanos = publishedNanos;
		}
		this.takenFrames++;
	}

	/**
	 * Stops writing and closes the session.
	 * @param reason why, for the log and the close status
	 * @param tooSlow what the session could not keep up with, or {@code null} if the
	 * connection failed for another reason
	 */
	private void broken(String reason, @Nullable TooSlow tooSlow) {
		synchronized (this) {
			if (this.broken) {
				return;
			}
			this.broken = true;
			this.writing = false;
			this.frames.clear();
			this.pendingBytes = 0;
		}
		if (tooSlow != null) {
			logger.info("Closing session " + getId() + " as too slow: " + reason);
			this.deliveries.closedAsTooSlow(tooSlow);
		}
		this.closer.execute(() -> closeQuietly(CloseStatus.POLICY_VIOLATION.withReason("too slow: " + reason)));
	}

	private void closeQuietly(CloseStatus status) {
		try {
			getDelegate().close(status);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Closing session " + getId() + " failed", ex);
		}
	}

}
