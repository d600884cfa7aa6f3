package io.dronehub.telemetry;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

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
 * Gives every WebSocket session an {@link Outbox} and hands Spring the outbox in place of
 * the container's session, so that Spring's frames and telemetry share one non-blocking,
 * ordered writer. Also the registry of open outboxes. Thread-safe.
 */
public class Outboxes implements WebSocketHandlerDecoratorFactory {

	private final Map<String, Outbox> open = new ConcurrentHashMap<>();

	/**
	 * Guards moving a closing session's conflation count into {@link #conflatedByClosed};
	 * taken before an outbox's own lock, never while holding one.
	 */
	private final Object closing = new Object();

	private long conflatedByClosed;

	private final TelemetryProperties settings;

	private final Executor closer;

	private final DeliveryObserver deliveries;

	Outboxes(TelemetryProperties settings, Executor closer, DeliveryObserver deliveries) {
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
				Outbox outbox = new Outbox(session, nativeSession.getAsyncRemote(), Outboxes.this.settings,
						Outboxes.this.closer, Outboxes.this.deliveries);
				Outboxes.this.open.put(session.getId(), outbox);
				super.afterConnectionEstablished(outbox);
			}

			@Override
			public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
				super.handleMessage(outboxOf(session), message);
			}

			@Override
			public void handleTransportError(WebSocketSession session, Throwable exception) throws Exception {
				super.handleTransportError(outboxOf(session), exception);
			}

			@Override
			public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
				Outbox outbox = closed(session.getId());
				super.afterConnectionClosed((outbox != null) ? outbox : session, status);
			}

		};
	}

	/**
	 * The outbox of a session.
	 * @param sessionId the WebSocket (and STOMP) session id
	 * @return the outbox, or {@code null} once the session has closed
	 */
	@Nullable Outbox get(String sessionId) {
		return this.open.get(sessionId);
	}

	/**
	 * Every open session's outbox.
	 * @return a live view
	 */
	Collection<Outbox> all() {
		return this.open.values();
	}

	/**
	 * Closes every session once what is waiting for it has been written.
	 * @param status the close status and reason the clients see
	 */
	public void closeAll(CloseStatus status) {
		for (Outbox outbox : this.open.values()) {
			try {
				outbox.close(status);
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
		return this.open.values().stream().allMatch(Outbox::idle);
	}

	/**
	 * How many sessions are open.
	 * @return the count
	 */
	public int sessions() {
		return this.open.size();
	}

	/**
	 * Telemetry frames replaced by newer ones before they could be written, over every
	 * session since start-up, closed ones included, so that the count never decreases.
	 * @return the count
	 */
	public long conflated() {
		synchronized (this.closing) {
			return this.conflatedByClosed + this.open.values().stream().mapToLong(Outbox::conflated).sum();
		}
	}

	private @Nullable Outbox closed(String sessionId) {
		synchronized (this.closing) {
			Outbox outbox = this.open.remove(sessionId);
			if (outbox != null) {
				this.conflatedByClosed += outbox.conflated();
			}
			return outbox;
		}
	}

	private WebSocketSession outboxOf(WebSocketSession session) {
		Outbox outbox = this.open.get(session.getId());
		return (outbox != null) ? outbox : session;
	}

}
