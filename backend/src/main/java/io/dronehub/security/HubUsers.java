package io.dronehub.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.dronehub.contract.Role;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The users who may log in, from {@code hub.security.users}. With none configured there
 * is one pilot named {@code pilot} whose random password is logged once at start-up, so
 * the hub is flyable out of the box without a well-known password.
 */
final class HubUsers {

	static final String GENERATED_PILOT = "pilot";

	private static final Log logger = LogFactory.getLog(HubUsers.class);

	private HubUsers() {
	}

	static InMemoryUserDetailsManager from(Map<String, SecurityProperties.User> configured) {
		List<UserDetails> users = new ArrayList<>();
		configured.forEach((name,
				user) -> users.add(User.withUsername(name)
					.password(user.password())
					.authorities(user.roles().stream().map(Role::authority).toList())
					.build()));
		if (users.isEmpty()) {
			String password = generatePassword();
			logger.warn(String.format(
					"%n%nUsing generated pilot password: %s%n%nLog in as '%s' to fly. This "
							+ "password is for development use only: configure hub.security.users for anything else.%n",
					password, GENERATED_PILOT));
			users.add(User.withUsername(GENERATED_PILOT)
				.password("{noop}" + password)
				.authorities(Role.PILOT.authority())
				.build());
		}
		return new InMemoryUserDetailsManager(users);
	}

	private static String generatePassword() {
		byte[] random = new byte[12];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

}
