package io.dronehub.security;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorSubscribableChannel;
import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ExceptionWebSocketHandlerDecorator;
import org.springframework.web.socket.handler.LoggingWebSocketHandlerDecorator;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.StompSubProtocolHandler;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FrameSizeLimit} in front of Spring's own STOMP handler, decorated as Spring
 * decorates an endpoint's handler, on a session that holds messages to its size limits as
 * the servlet container does: a larger message closes the session with 1009 before any
 * handler sees it.
 */
class FrameSizeLimitTests {

	private static final int LIMIT = 4096;

	private final List<Message<?>> toApplication = new ArrayList<>();

	private final List<CloseStatus> disconnects = new ArrayList<>();

	private final ContainerSession session = new ContainerSession();

	@Test
	void aFrameOfTheLimitReachesTheApplication() throws Exception {
		WebSocketHandler hub = connect(DataSize.ofBytes(LIMIT));
		this.session.receive(hub, new TextMessage(sendFrame(LIMIT)));
		assertThat(this.session.closed).isNull();
		assertThat(sentCommands()).containsExactly(StompCommand.CONNECT, StompCommand.SEND);
	}

	@Test
	void aFrameOverTheLimitClosesTheSessionAsTooBigBeforeTheApplicationSeesIt() throws Exception {
		WebSocketHandler hub = connect(DataSize.ofBytes(LIMIT));
		this.session.receive(hub, new TextMessage(sendFrame(LIMIT + 1)));
		assertThat(this.session.closed).isEqualTo(CloseStatus.TOO_BIG_TO_PROCESS);
		assertThat(sentCommands()).containsExactly(StompCommand.CONNECT, StompCommand.DISCONNECT);
		assertThat(this.disconnects).as("what ClientSessions counts as frame_size")
			.containsExactly(CloseStatus.TOO_BIG_TO_PROCESS);
	}

	@Test
	void aBinaryFrameOverTheLimitClosesTheSessionAsTooBig() throws Exception {
		WebSocketHandler hub = connect(DataSize.ofBytes(LIMIT));
		this.session.receive(hub, new BinaryMessage(sendFrame(LIMIT + 1).getBytes(StandardCharsets.UTF_8)));
		assertThat(this.session.closed).isEqualTo(CloseStatus.TOO_BIG_TO_PROCESS);
		assertThat(sentCommands()).containsExactly(StompCommand.CONNECT, StompCommand.DISCONNECT);
	}

	@Test
	void aLimitAboveSpringsOwnLetsLargerFramesThrough() throws Exception {
		WebSocketHandler hub = connect(DataSize.ofKilobytes(64));
		this.session.receive(hub, new TextMessage(sendFrame(40_000)));
		assertThat(this.session.closed).isNull();
		assertThat(sentCommands()).containsExactly(StompCommand.CONNECT, StompCommand.SEND);
	}

	/**
	 * Builds the endpoint's handler chain as the hub's configuration does, opens the
	 * session on it and sends STOMP's CONNECT.
	 */
	private WebSocketHandler connect(DataSize frameSize) throws Exception {
		ExecutorSubscribableChannel inbound = new ExecutorSubscribableChannel();
		inbound.subscribe(this.toApplication::add);
		SubProtocolWebSocketHandler stomp = new SubProtocolWebSocketHandler(inbound, new ExecutorSubscribableChannel());
		StompSubProtocolHandler stompProtocol = new StompSubProtocolHandler();
		stompProtocol.setApplicationEventPublisher((event) -> {
			if (event instanceof SessionDisconnectEvent disconnect) {
				this.disconnects.add(disconnect.getCloseStatus());
			}
		});
		stomp.setDefaultProtocolHandler(stompProtocol);
		stomp.start();
		WebSocketHandler hub = new ExceptionWebSocketHandlerDecorator(new LoggingWebSocketHandlerDecorator(
				new FrameSizeLimit(frameSize, DataSize.ofKilobytes(32)).decorate(stomp)));
		hub.afterConnectionEstablished(this.session);
		this.session.receive(hub, new TextMessage("CONNECT\naccept-version:1.2\nhost:hub\n\n\0"));
		return hub;
	}

	private List<StompCommand> sentCommands() {
		return this.toApplication.stream().map((message) -> StompHeaderAccessor.wrap(message).getCommand()).toList();
	}

	/**
	 * A STOMP SEND frame of exactly the given length in bytes.
	 */
	private static String sendFrame(int length) {
		String head = "SEND\ndestination:/app/command\n\n";
		return head + "x".repeat(length - head.length() - 1) + "\0";
	}

	/**
	 * A session that, like the container's, starts with buffers of 8 KiB (Tomcat's
	 * default), takes whole messages up to its current limits and closes itself with 1009
	 * on a larger one.
	 */
	private static final class ContainerSession implements WebSocketSession {

		private final Map<String, Object> attributes = new ConcurrentHashMap<>();

		private int textMessageSizeLimit = 8192;

		private int binaryMessageSizeLimit = 8192;

		private @Nullable CloseStatus closed;

		void receive(WebSocketHandler handler, WebSocketMessage<?> message) throws Exception {
			int limit = (message instanceof TextMessage) ? this.textMessageSizeLimit : this.binaryMessageSizeLimit;
			if (message.getPayloadLength() > limit) {
				close(CloseStatus.TOO_BIG_TO_PROCESS);
				handler.afterConnectionClosed(this, CloseStatus.TOO_BIG_TO_PROCESS);
				return;
			}
			handler.handleMessage(this, message);
		}

		@Override
		public String getId() {
			return "s1";
		}

		@Override
		public @Nullable URI getUri() {
			return null;
		}

		@Override
		public HttpHeaders getHandshakeHeaders() {
			return new HttpHeaders();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.attributes;
		}

		@Override
		public @Nullable Principal getPrincipal() {
			return null;
		}

		@Override
		public @Nullable InetSocketAddress getLocalAddress() {
			return null;
		}

		@Override
		public @Nullable InetSocketAddress getRemoteAddress() {
			return null;
		}

		@Override
		public @Nullable String getAcceptedProtocol() {
			return null;
		}

		@Override
		public void setTextMessageSizeLimit(int messageSizeLimit) {
			this.textMessageSizeLimit = messageSizeLimit;
		}

		@Override
		public int getTextMessageSizeLimit() {
			return this.textMessageSizeLimit;
		}

		@Override
		public void setBinaryMessageSizeLimit(int messageSizeLimit) {
			this.binaryMessageSizeLimit = messageSizeLimit;
		}

		@Override
		public int getBinaryMessageSizeLimit() {
			return this.binaryMessageSizeLimit;
		}

		@Override
		public List<WebSocketExtension> getExtensions() {
			return Collections.emptyList();
		}

		@Override
		public void sendMessage(WebSocketMessage<?> message) {
			throw new IllegalStateException("the hub sends nothing to this session: " + message);
		}

		@Override
		public boolean isOpen() {
			return this.closed == null;
		}

		@Override
		public void close() {
			close(CloseStatus.NORMAL);
		}

		@Override
		public void close(CloseStatus status) {
			this.closed = status;
		}

	}

}
