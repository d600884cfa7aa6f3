package io.dronehub.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a user may do on the hub.
 */
public enum Role {

	/** May only subscribe: watch telemetry and events. */
	OBSERVER,
	/** May also take control of drones and command them. */
	PILOT,
	/** May also force the release of another pilot's control. */
	ADMIN;

	/**
	 * The Spring Security authority of this role.
	 * @return e.g. {@code ROLE_PILOT}
	 */
	public GrantedAuthority authority() {
		return new SimpleGrantedAuthority("ROLE_" + name());
	}

}
