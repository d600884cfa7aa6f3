package io.dronehub.contract;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a user may do on the hub, each role allowing more than the one before.
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

	/**
	 * The role that may do the most among some authorities.
	 * @param authorities a user's authorities
	 * @return the highest role among them, {@link #OBSERVER} if none is a role
	 */
	public static Role highestOf(Collection<? extends GrantedAuthority> authorities) {
		Role highest = OBSERVER;
		for (Role role : values()) {
			if (role.compareTo(highest) > 0 && authorities.contains(role.authority())) {
				highest = role;
			}
		}
		return highest;
	}

}
