package io.dronehub.config;

import java.security.Principal;

/**
 * The identity given to a WebSocket connection that did not authenticate, so that user
 * queues and the {@code pilot} field work for it.
 *
 * @param name a generated name, e.g. {@code guest-3f9a1c}
 */
record GuestPrincipal(String name) implements Principal {

	@Override
	public String getName() {
		return this.name;
	}

}
