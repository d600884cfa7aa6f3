package io.dronehub.outbound;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import jakarta.websocket.Session;
import org.jspecify.annotations.Nullable;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;

/**
 * Gives every WebSocket session a {@link SessionWriter} and hands Spring the writer in
 * place of the container's session, so that Spring's frames and the session's latest
 * frames share one non-blocking, ordered writer. Also the registry of open writers.
 * Thread-safe.
 *
 * @param <L> the kind of latest frames each session has
 */
public class SessionWriters<L extends LatestFrames> implements WebSocketHandlerDecoratorFactory {

	private final Map<String, SessionWriter<L>> open = new ConcurrentHashMap<>();

	/**
	 * Guards moving a closing session's conflation count into {@link #conflatedByClosed};
	 * taken before a writer's own lock, never while holding one.
	 */
	private final Object closing = new Object();

	private long conflatedByClosed;

	private final Supplier<L> latestFrames;

	private final WriterSettings settings;

	private final Executor closer;

	private final DeliveryObserver deliveries;

	/**
	 * Creates the writers' factory and registry.
	 * @param latestFrames creates the latest frames of a new session
	 * @param settings how to write
	 * @param closer closes sessions found too slow, off the threads that find them
	 * @param deliveries told about every write of latest frames and every session closed
	 * as too slow
	 */
	public SessionWriters(Supplier<L> latestFrames, WriterSettings settings, Executor closer,
			DeliveryObserver deliveries) {
		this.latestFrames = latestFrames;
		this.settings = settings;
		this.closer = closer;
		this.deliveries = deliveries;
	}

	@Override
	public WebSocketHandler decorate(WebSocketHandler handler) {
		return new WebSocketHandlerDecorator(handler) {

			@Override
			public void afterConnectionEstablished(WebSocketSession session) throws Exception {
				Session nativeSession = (session instanceof NativeWebSocketSession withNative)
						? withNative.getNativeSession(Session.class) : null;
				if (nativeSession == null) {
					throw new IllegalStateException("A Jakarta WebSocket session is required, not " + session);
				}
				SessionWriter<L> writer = new SessionWriter<>(session, nativeSession.getAsyncRemote(),
						SessionWriters.this.latestFrames.get(), SessionWriters.this.settings,
						SessionWriters.this.closer, SessionWriters.this.deliveries);
				SessionWriters.this.open.put(session.getId(), writer);
				super.afterConnectionEstablished(writer);
			}

			@Override
			public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
				super.handleMessage(writerOf(session), message);
			}

			@Override
			public void handleTransportError(WebSocketSession session, Throwable exception) throws Exception {
				super.handleTransportError(writerOf(session), exception);
			}

			@Override
			public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
				SessionWriter<L> writer = closed(session.getId());
				super.afterConnectionClosed((writer != null) ? writer : session, status);
			}

		};
	}

	/**
	 * The writer of a session.
	 * @param sessionId the WebSocket (and STOMP) session id
	 * @return the writer, or {@code null} once the session has closed
	 */
	public @Nullable SessionWriter<L> get(String sessionId) {
		return this.open.get(sessionId);
	}

	/**
	 * Every open session's writer.
	 * @return a live view
	 */
	public Collection<SessionWriter<L>> all() {
		return this.open.values();
	}

	/**
	 * Closes every session once what is waiting for it has been written.
	 * @param status the close status and reason the clients see
	 */
	public void closeAll(CloseStatus status) {
		for (SessionWriter<L> writer : this.open.values()) {
			try {
				writer.close(status);
			}
			catch (IOException ex) {
				// the session is gone already
			}
		}
	}

	/**
	 * Whether every session has been written everything offered to it so far.
	 * @return {@code true} if nothing is pending or in flight anywhere
	 */
	public boolean idle() {
		return this.open.values().stream().allMatch(SessionWriter::idle);
	}

	/**
	 * How many sessions are open.
	 * @return the count
	 */
	public int sessions() {
		return this.open.size();
	}

	/**
	 * Latest frames replaced by newer ones before they could be written, over every
	 * session since start-up, closed ones included, so that the count never decreases.
	 * @return the count
	 */
	public long conflated() {
		synchronized (this.closing) {
			return this.conflatedByClosed + this.open.values().stream().mapToLong(SessionWriter::conflated).sum();
		}
	}

	private @Nullable SessionWriter<L> closed(String sessionId) {
		synchronized (this.closing) {
			SessionWriter<L> writer = this.open.remove(sessionId);
			if (writer != null) {
				this.conflatedByClosed += writer.conflated();
			}
			return writer;
		}
	}

	private WebSocketSession writerOf(WebSocketSession session) {
		SessionWriter<L> writer = this.open.get(session.getId());
		return (writer != null) ? writer : session;
	}

}
