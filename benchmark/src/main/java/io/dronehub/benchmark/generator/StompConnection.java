package io.dronehub.benchmark.generator;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

/**
 * One STOMP client over a WebSocket: sends CONNECT once the handshake completes, splits
 * each message into its frames and hands them to the subclass. Owned by its channel's
 * event-loop thread.
 */
abstract class StompConnection extends ChannelInboundHandlerAdapter {

	private final ConnectionRegistry registry;

	private final @Nullable String login;

	private final @Nullable String passcode;

	private @Nullable Channel channel;

	private boolean ready;

	/**
	 * Creates a connection that reports to a registry.
	 * @param registry tracks readiness, failures and closings
	 * @param login CONNECT login, or {@code null}
	 * @param passcode CONNECT passcode, or {@code null}
	 */
	StompConnection(ConnectionRegistry registry, @Nullable String login, @Nullable String passcode) {
		this.registry = registry;
		this.login = login;
		this.passcode = passcode;
	}

	@Override
	public void handlerAdded(ChannelHandlerContext ctx) {
		this.channel = ctx.channel();
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
		if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
			this.registry.handshakeCompleted(deflateNegotiated(ctx.channel()));
			onHandshake(ctx);
		}
		else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
			this.registry.failed("WebSocket handshake timed out");
			ctx.close();
		}
		super.userEventTriggered(ctx, event);
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		try {
			if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame) {
				onWebSocketFrame((WebSocketFrame) msg, System.currentTimeMillis());
			}
		}
		finally {
			ReferenceCountUtil.release(msg);
		}
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		if (this.ready) {
			this.registry.closed(this);
		}
		else {
			this.registry.failed("closed before CONNECTED");
		}
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		this.registry.error(cause.getClass().getSimpleName() + ": " + cause.getMessage());
		ctx.close();
	}

	/**
	 * Called once the WebSocket handshake completed: sends CONNECT.
	 * @param ctx the channel's context
	 */
	void onHandshake(ChannelHandlerContext ctx) {
		ctx.writeAndFlush(StompFrames.connect(this.login, this.passcode));
	}

	/**
	 * Called for each WebSocket message: splits it into its STOMP frames.
	 * @param message the message, released by the caller
	 * @param receivedMillis when it arrived, epoch milliseconds
	 */
	void onWebSocketFrame(WebSocketFrame message, long receivedMillis) {
		StompFrameParser.parse(message.content(), (frame) -> onFrame(frame, receivedMillis));
	}

	/**
	 * Tells the registry the connection is ready, as CONNECTED does for STOMP.
	 */
	final void ready() {
		this.ready = true;
		this.registry.ready(this);
	}

	private void onFrame(StompFrame frame, long receivedMillis) {
		switch (frame.command()) {
			case CONNECTED -> {
				ready();
				onConnected(channel());
			}
			case MESSAGE -> onMessage(frame, receivedMillis);
			case ERROR -> this.registry.error("STOMP ERROR: " + frame.header("message"));
			default -> {
			}
		}
	}

	/**
	 * The channel, once the connection was added to it.
	 * @return the channel
	 */
	final Channel channel() {
		if (this.channel == null) {
			throw new IllegalStateException("not connected");
		}
		return this.channel;
	}

	/**
	 * Whether the server accepted the CONNECT.
	 * @return {@code true} after CONNECTED
	 */
	final boolean isReady() {
		return this.ready;
	}

	/**
	 * Called once the server accepted the CONNECT.
	 * @param channel the connection's channel
	 */
	abstract void onConnected(Channel channel);

	/**
	 * Called for each MESSAGE frame.
	 * @param frame the frame
	 * @param receivedMillis when its WebSocket message arrived, epoch milliseconds
	 */
	abstract void onMessage(StompFrame frame, long receivedMillis);

	private static boolean deflateNegotiated(Channel channel) {
		return channel.pipeline()
			.names()
			.stream()
			.map(channel.pipeline()::get)
			.anyMatch((handler) -> handler != null && handler.getClass().getSimpleName().contains("DeflateDecoder"));
	}

}
