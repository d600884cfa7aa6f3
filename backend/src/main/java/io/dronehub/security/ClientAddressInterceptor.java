package io.dronehub.security;

import java.net.InetSocketAddress;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Records the client's IP address in the WebSocket session's attributes during the
 * handshake, so the sessions-per-address limit can be applied at CONNECT.
 */
public class ClientAddressInterceptor implements HandshakeInterceptor {

	/** The session attribute holding the client's address. */
	public static final String ADDRESS_ATTRIBUTE = "hub.clientAddress";

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote != null && remote.getAddress() != null) {
			attributes.put(ADDRESS_ATTRIBUTE, remote.getAddress().getHostAddress());
		}
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
	}

}
