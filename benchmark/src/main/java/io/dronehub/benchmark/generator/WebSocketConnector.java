package io.dronehub.benchmark.generator;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketClientExtensionHandler;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateClientExtensionHandshaker;

/**
 * Opens WebSocket connections the way a browser running stompjs does: STOMP sub-protocols
 * offered, masking on, and permessage-deflate offered unless turned off. Spreads
 * connections over several local addresses when given, so that very many of them do not
 * run out of ephemeral ports.
 */
final class WebSocketConnector {

	/** The sub-protocols stompjs offers. */
	static final String STOMP_SUBPROTOCOLS = "v12.stomp,v11.stomp,v10.stomp";

	/** The Foxglove WebSocket protocol's. */
	static final String FOXGLOVE_SUBPROTOCOLS = "foxglove.websocket.v1";

	private static final int MAX_MESSAGE_BYTES = 1 << 20;

	private final Bootstrap bootstrap;

	private final URI url;

	private final boolean deflate;

	private final List<String> sourceAddresses;

	private final String subprotocols;

	private int next;

	/**
	 * Creates a connector.
	 * @param group the event loop the connections run on
	 * @param channelClass the group's socket channel type
	 * @param url the server's WebSocket URL
	 * @param deflate whether to offer permessage-deflate
	 * @param sourceAddresses local addresses to bind, round-robin, or empty for any
	 * @param subprotocols the sub-protocols offered, comma-separated
	 */
	WebSocketConnector(EventLoopGroup group, Class<? extends SocketChannel> channelClass, URI url, boolean deflate,
			List<String> sourceAddresses, String subprotocols) {
		this.url = url;
		this.subprotocols = subprotocols;
		this.deflate = deflate;
		this.sourceAddresses = sourceAddresses;
		this.bootstrap = new Bootstrap().group(group)
			.channel(channelClass)
			.option(ChannelOption.TCP_NODELAY, true)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
			.remoteAddress(url.getHost(), url.getPort());
	}

	/**
	 * Starts connecting one client.
	 * @param connection the client's STOMP handler
	 * @param receiveBuffer SO_RCVBUF in bytes, or 0 for the system's default
	 * @return completes when the TCP connection is up (the WebSocket handshake follows)
	 */
	ChannelFuture connect(StompConnection connection, int receiveBuffer) {
		Bootstrap attempt = this.bootstrap.clone().handler(new ChannelInitializer<Channel>() {
			@Override
			protected void initChannel(Channel channel) {
				channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_MESSAGE_BYTES));
				if (WebSocketConnector.this.deflate) {
					channel.pipeline()
						.addLast(new WebSocketClientExtensionHandler(new PerMessageDeflateClientExtensionHandshaker()));
				}
				channel.pipeline()
					.addLast(new WebSocketClientProtocolHandler(protocolConfig()),
							new WebSocketFrameAggregator(MAX_MESSAGE_BYTES), connection);
			}
		});
		if (receiveBuffer > 0) {
			attempt.option(ChannelOption.SO_RCVBUF, receiveBuffer);
		}
		if (this.sourceAddresses.isEmpty()) {
			return attempt.connect();
		}
		String local = this.sourceAddresses.get(this.next++ % this.sourceAddresses.size());
		return attempt.connect(new InetSocketAddress(this.url.getHost(), this.url.getPort()),
				new InetSocketAddress(local, 0));
	}

	private WebSocketClientProtocolConfig protocolConfig() {
		return WebSocketClientProtocolConfig.newBuilder()
			.webSocketUri(this.url)
			.subprotocol(this.subprotocols)
			.version(WebSocketVersion.V13)
			.allowExtensions(this.deflate)
			.customHeaders(new DefaultHttpHeaders())
			.maxFramePayloadLength(MAX_MESSAGE_BYTES)
			.generateOriginHeader(false)
			.withUTF8Validator(false)
			.handshakeTimeoutMillis(30_000)
			.build();
	}

}
