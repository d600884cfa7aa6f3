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
		String address = addressOf(request);
		if (address != null) {
			attributes.put(ADDRESS_ATTRIBUTE, address);
		}
		return true;
	}

	/**
	 * The client's IP address: the request's remote address, which is the proxy's unless
	 * {@code server.forward-headers-strategy} has the container read forwarded headers.
	 * @param request the handshake request
	 * @return the address, or {@code null} if the container does not know it
	 */
	private static @Nullable String addressOf(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : null;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
	}

}
