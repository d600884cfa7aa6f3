package io.dronehub.contract;

import org.jspecify.annotations.Nullable;

import org.springframework.messaging.simp.stomp.StompHeaderAccessor;

/**
 * A check of a SUBSCRIBE frame's headers, run by the hub's guard once the frame is
 * authorised and before the subscription counts against the session's limit: a refused
 * subscription is answered on {@code /user/queue/errors} and not made.
 */
@FunctionalInterface
public interface SubscribeCheck {

	/**
	 * Checks a SUBSCRIBE.
	 * @param subscribe the frame's headers, with its destination
	 * @return why it is refused, or {@code null} to let it through
	 */
	@Nullable ErrorMessage check(StompHeaderAccessor subscribe);

}
