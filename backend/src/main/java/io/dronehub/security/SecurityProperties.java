package io.dronehub.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.dronehub.contract.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

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
 * @param logins how failed logins are throttled
 * @param jwt how the tokens of an identity provider name users and their roles
 */
@ConfigurationProperties("hub.security")
@Validated
public record SecurityProperties(@DefaultValue Map<String, @Valid User> users,
		@DefaultValue("true") boolean anonymousObservers, @DefaultValue List<String> allowedOrigins,
		@DefaultValue @Valid Limits limits, @DefaultValue @Valid Logins logins, @DefaultValue @Valid Jwt jwt) {

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
	 * @param handshakesPerSecond sustained WebSocket handshakes per client IP address;
	 * beyond it a handshake is answered {@code 429 Too Many Requests} with
	 * {@code Retry-After}
	 * @param handshakeBurst how many handshakes an address may make at once before the
	 * rate applies
	 * @param refusalDelay how long a refused handshake waits for its {@code 429}, without
	 * holding a thread, so that a client retrying in a loop makes one attempt per delay
	 * and connection; {@code 0} answers at once
	 */
	public record Limits(@DefaultValue("4KB") DataSize frameSize, @DefaultValue("32KB") DataSize stompFrameSize,
			@DefaultValue("50") @Positive int commandsPerSecond, @DefaultValue("100") @Positive int commandBurst,
			@DefaultValue("50") @Positive int subscriptionsPerSession,
			@DefaultValue("10") @Positive int sessionsPerUser, @DefaultValue("1000") @Positive int sessionsPerAddress,
			@DefaultValue("10") @Positive double handshakesPerSecond, @DefaultValue("30") @Positive int handshakeBurst,
			@DefaultValue("1s") @DurationMax(seconds = 60) Duration refusalDelay) {
	}

	/**
	 * How failed STOMP logins are throttled. Once a key has failed more often than it may
	 * without a wait, each further failure makes the client wait before its next password
	 * is even checked: {@code first-delay}, then twice that, and so on up to
	 * {@code max-delay}. A key's failures are forgotten after {@code forget-after}
	 * without one.
	 *
	 * @param freeFailures failures of one user from one address before the first wait
	 * @param userFreeFailures failures of one user from every address before the first
	 * wait; addresses the user has logged in from are exempt
	 * @param addressFreeFailures failures of one address for every user before the first
	 * wait; users who have logged in from the address are exempt
	 * @param firstDelay the first wait
	 * @param maxDelay the longest wait
	 * @param forgetAfter how long without a failure forgets a key's failures
	 */
	public record Logins(@DefaultValue("5") @Positive int freeFailures,
			@DefaultValue("20") @Positive int userFreeFailures, @DefaultValue("20") @Positive int addressFreeFailures,
			@DefaultValue("1s") @DurationMin(millis = 1) Duration firstDelay,
			@DefaultValue("5m") @DurationMin(millis = 1) Duration maxDelay, @DefaultValue("15m") Duration forgetAfter) {
	}

	/**
	 * How a JWT from the identity provider set by
	 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}
	 * becomes a hub user.
	 *
	 * @param audience the value that the token's {@code aud} claim must hold; empty
	 * accepts any audience
	 * @param usernameClaim the claim that names the user; a token without it is named by
	 * its {@code sub}
	 * @param rolesClaim the path of the claim that lists the user's hub roles, its parts
	 * separated by dots (Keycloak's realm roles are {@code realm_access.roles}): a list
	 * of strings, or one string of names separated by spaces or commas, in any case;
	 * values that name no hub role are ignored, and a token that names none is refused
	 */
	public record Jwt(@DefaultValue("") String audience,
			@DefaultValue("preferred_username") @NotBlank String usernameClaim,
			@DefaultValue("roles") @NotBlank String rolesClaim) {
	}

}
