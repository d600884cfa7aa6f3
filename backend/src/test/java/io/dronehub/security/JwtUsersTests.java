package io.dronehub.security;

import java.util.List;
import java.util.Map;

import io.dronehub.contract.Role;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How a token's claims name the user and the hub roles.
 */
class JwtUsersTests {

	private final JwtUsers defaults = new JwtUsers(new SecurityProperties.Jwt("", "preferred_username", "roles"));

	private final JwtUsers keycloak = new JwtUsers(new SecurityProperties.Jwt("", "email", "realm_access.roles"));

	@Test
	void theNameComesFromTheClaimAndElseFromTheSubject() {
		assertThat(
				this.defaults.convert(jwt(Map.of("preferred_username", "carol", "roles", List.of("PILOT")))).getName())
			.isEqualTo("carol");
		assertThat(this.defaults.convert(jwt(Map.of("roles", List.of("PILOT")))).getName()).isEqualTo("subject-1");
	}

	@Test
	void rolesAreReadAlongTheClaimPathInAnyCaseAndOtherValuesAreIgnored() {
		JwtAuthenticationToken user = this.keycloak.convert(jwt(Map.of("email", "carol@example.org", "realm_access",
				Map.of("roles", List.of("default-roles-hub", "offline_access", "Pilot", "admin")))));
		assertThat(user.getName()).isEqualTo("carol@example.org");
		assertThat(user.getAuthorities()).map(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_PILOT", "ROLE_ADMIN");
		assertThat(Role.highestOf(user.getAuthorities())).isEqualTo(Role.ADMIN);
	}

	@Test
	void aStringOfRolesIsSplitAtSpacesAndCommas() {
		assertThat(this.defaults.convert(jwt(Map.of("roles", "observer, pilot"))).getAuthorities())
			.map(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_OBSERVER", "ROLE_PILOT");
	}

	@Test
	void aTokenThatNamesNoHubRoleIsRefused() {
		assertThatExceptionOfType(InvalidBearerTokenException.class).isThrownBy(
				() -> this.keycloak.convert(jwt(Map.of("realm_access", Map.of("roles", List.of("offline_access"))))))
			.withMessage(
					"the token grants none of the hub's roles [OBSERVER, PILOT, ADMIN] in its claim realm_access.roles");
		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> this.keycloak.convert(jwt(Map.of("realm_access", "pilot"))))
			.as("a path through a value that is not an object");
	}

	private static Jwt jwt(Map<String, Object> claims) {
		return Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.subject("subject-1")
			.claims((all) -> all.putAll(claims))
			.build();
	}

}
