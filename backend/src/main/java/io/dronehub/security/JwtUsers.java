package io.dronehub.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.dronehub.contract.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a validated JWT into a hub user: the name from the configured claim (else
 * {@code sub}), the roles from the values of the configured claim path that name a
 * {@link Role} in any case. A token that names no hub role is refused, so that an
 * identity provider's other users do not become observers by default.
 */
final class JwtUsers implements Converter<Jwt, JwtAuthenticationToken> {

	private final String usernameClaim;

	private final List<String> rolesPath;

	JwtUsers(SecurityProperties.Jwt settings) {
		this.usernameClaim = settings.usernameClaim();
		this.rolesPath = List.of(settings.rolesClaim().split("\\."));
	}

	@Override
	public JwtAuthenticationToken convert(Jwt jwt) {
		String name = jwt.getClaimAsString(this.usernameClaim);
		if (name == null || name.isBlank()) {
			name = jwt.getSubject();
		}
		if (name == null || name.isBlank()) {
			throw new InvalidBearerTokenException(
					"the token names no user: it has neither " + this.usernameClaim + " nor sub");
		}
		Set<Role> roles = roles(jwt.getClaims());
		if (roles.isEmpty()) {
			throw new InvalidBearerTokenException("the token grants none of the hub's roles "
					+ Arrays.toString(Role.values()) + " in its claim " + String.join(".", this.rolesPath));
		}
		List<GrantedAuthority> authorities = new ArrayList<>();
		roles.forEach((role) -> authorities.add(role.authority()));
		return new JwtAuthenticationToken(jwt, authorities, name);
	}

	private Set<Role> roles(Map<String, Object> claims) {
		Object value = claims;
		for (String part : this.rolesPath) {
			value = (value instanceof Map<?, ?> map) ? map.get(part) : null;
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String name : names(value)) {
			Role role = role(name);
			if (role != null) {
				roles.add(role);
			}
		}
		return roles;
	}

	private static Collection<String> names(@Nullable Object value) {
		if (value instanceof String text) {
			return Arrays.asList(text.split("[\\s,]+"));
		}
		if (value instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		return List.of();
	}

	private static @Nullable Role role(String name) {
		String upper = name.trim().toUpperCase(Locale.ROOT);
		for (Role role : Role.values()) {
			if (role.name().equals(upper)) {
				return role;
			}
		}
		return null;
	}

}
