package io.dronehub.security;

import java.util.List;
import java.util.Map;

import io.dronehub.contract.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Users, origins and per-client limits.
 *
 * @param users the users who may log in, by name; when empty the hub creates one pilot
 * named {@code pilot} with a random password and logs it once at start-up
 * @param anonymousObservers whether a client that sends no login may connect as an
 * observer
 * @param allowedOrigins origins (patterns such as {@code https://*.example.org}) whose
 * pages may open the WebSocket; empty means the hub's own origin only
 * @param limits per-client limits
 */
@ConfigurationProperties("hub.security")
@Validated
public record SecurityProperties(@DefaultValue Map<String, @Valid User> users,
		@DefaultValue("true") boolean anonymousObservers, @DefaultValue List<String> allowedOrigins,
		@DefaultValue @Valid Limits limits) {

	/**
	 * A user who may log in.
	 *
	 * @param password the password as Spring's {@code DelegatingPasswordEncoder} reads
	 * it, e.g. {@code {bcrypt}$2a$10$...} or {@code {noop}secret}
	 * @param roles what the user may do
	 */
	public record User(@NotBlank String password, @NotEmpty List<Role> roles) {
	}

	/**
	 * Limits that keep one client from exhausting the hub.
	 *
	 * @param frameSize the largest inbound WebSocket message; a larger one closes the
	 * WebSocket with status 1009 (message too big)
	 * @param stompFrameSize the largest inbound STOMP frame, which a client may send as
	 * several WebSocket messages of at most {@code frame-size} each (as
	 * {@code @stomp/stompjs} does with {@code splitLargeFrames}); a larger one is
	 * answered with an ERROR frame
	 * @param commandsPerSecond sustained SEND rate per session; excess frames are dropped
	 * and answered with {@code RATE_LIMITED}
	 * @param commandBurst how many SEND frames a session may send at once before the rate
	 * applies
	 * @param subscriptionsPerSession active subscriptions per session
	 * @param sessionsPerUser concurrent sessions per logged-in user
	 * @param sessionsPerAddress concurrent sessions per client IP address
	 */
	public record Limits(@DefaultValue("4KB") DataSize frameSize, @DefaultValue("32KB") DataSize stompFrameSize,
			@DefaultValue("50") @Positive int commandsPerSecond, @DefaultValue("100") @Positive int commandBurst,
			@DefaultValue("50") @Positive int subscriptionsPerSession,
			@DefaultValue("10") @Positive int sessionsPerUser, @DefaultValue("1000") @Positive int sessionsPerAddress) {
	}

}
