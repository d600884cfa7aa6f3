package io.dronehub.apidocs;

import java.util.Arrays;
import java.util.List;

import io.dronehub.contract.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;

/**
 * Which roles may use a destination, found by asking the hub's own message authorisation
 * rules about a SEND or SUBSCRIBE from a user of each role, so the document states what
 * the hub enforces.
 */
final class DestinationRoles {

	private final AuthorizationManager<Message<?>> authorization;

	DestinationRoles(AuthorizationManager<Message<?>> authorization) {
		this.authorization = authorization;
	}

	/**
	 * The roles allowed to take part in an operation: to SEND where the hub receives, to
	 * SUBSCRIBE where it sends.
	 * @param operation the operation
	 * @return the roles, in the order of {@link Role}
	 */
	List<Role> allowed(StompOperation operation) {
		SimpMessageType type = (operation.action() == StompOperation.Action.RECEIVE) ? SimpMessageType.MESSAGE
				: SimpMessageType.SUBSCRIBE;
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(type);
		headers.setDestination(operation.address().replaceAll("\\{[^}/]+}", "d1"));
		Message<byte[]> frame = MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
		return Arrays.stream(Role.values())
			.filter((role) -> granted(this.authorization.authorize(() -> user(role), frame)))
			.toList();
	}

	private static boolean granted(@Nullable AuthorizationResult result) {
		return result != null && result.isGranted();
	}

	private static Authentication user(Role role) {
		return UsernamePasswordAuthenticationToken.authenticated("role-" + role.name().toLowerCase(), null,
				List.of(role.authority()));
	}

}
