package io.dronehub.security;

import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;

/**
 * Holds every WebSocket session to the frame-size limit, and knows the larger limit of a
 * STOMP frame that comes in several WebSocket messages. Spring's STOMP handler raises a
 * session's text buffer to 16 KiB + 256 characters when it starts; this puts it back
 * after that, so a larger frame closes the connection with status 1009 and an idle
 * connection keeps a buffer of the limit's size instead of 33 KB.
 */
public class FrameSizeLimit implements WebSocketHandlerDecoratorFactory {

	private final int frameSize;

	private final int stompFrameSize;

	FrameSizeLimit(DataSize frameSize, DataSize stompFrameSize) {
		this.frameSize = Math.toIntExact(frameSize.toBytes());
		this.stompFrameSize = Math.toIntExact(stompFrameSize.toBytes());
	}

	/**
	 * The limit, {@code hub.security.limits.frame-size}.
	 * @return the largest inbound WebSocket message, in bytes
	 */
	public int bytes() {
		return this.frameSize;
	}

	/**
	 * The largest STOMP frame, {@code hub.security.limits.stomp-frame-size}, which may
	 * come in several WebSocket messages of at most {@link #bytes()} each.
	 * @return the largest inbound STOMP frame, in bytes
	 */
	public int stompFrameBytes() {
		return this.stompFrameSize;
	}

	@Override
	public WebSocketHandler decorate(WebSocketHandler handler) {
		return new WebSocketHandlerDecorator(handler) {

			@Override
			public void afterConnectionEstablished(WebSocketSession session) throws Exception {
				super.afterConnectionEstablished(session);
				session.setTextMessageSizeLimit(FrameSizeLimit.this.frameSize);
				session.setBinaryMessageSizeLimit(FrameSizeLimit.this.frameSize);
			}

		};
	}

}
