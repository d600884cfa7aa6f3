package io.dronehub.security;

import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;

/**
 * Holds every WebSocket session to the frame-size limit. Spring's STOMP handler raises a
 * session's text buffer to 16 KiB + 256 characters when it starts; this puts it back
 * after that, so a larger frame closes the connection with status 1009 and an idle
 * connection keeps a buffer of the limit's size instead of 33 KB.
 */
public class FrameSizeLimit implements WebSocketHandlerDecoratorFactory {

	private final int frameSize;

	FrameSizeLimit(DataSize frameSize) {
		this.frameSize = Math.toIntExact(frameSize.toBytes());
	}

	/**
	 * The limit, {@code hub.security.limits.frame-size}.
	 * @return the largest inbound frame, in bytes
	 */
	public int bytes() {
		return this.frameSize;
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
