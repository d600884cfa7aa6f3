package io.dronehub.config;

import java.security.Principal;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * Gives each WebSocket connection without an authenticated user a stable generated name
 * for the life of the connection.
 */
class GuestHandshakeHandler extends DefaultHandshakeHandler {

	private final SecureRandom random = new SecureRandom();

	@Override
	protected Principal determineUser(ServerHttpRequest request, WebSocketHandler handler,
			Map<String, Object> attributes) {
		Principal user = request.getPrincipal();
		if (user != null) {
			return user;
		}
		byte[] id = new byte[3];
		this.random.nextBytes(id);
		return new GuestPrincipal("guest-" + HexFormat.of().formatHex(id));
	}

}
