package io.dronehub.audit;

import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Writes the audit trail: one INFO line per entry in the {@code io.dronehub.audit} log
 * category, as {@code key=value} pairs ({@code logfmt}), values quoted when they hold a
 * space, a quote or an equals sign.
 */
public final class AuditLog {

	private static final Log logger = LogFactory.getLog("io.dronehub.audit");

	/** How a login ended. */
	public enum LoginResult {

		/** The password was right. */
		SUCCESS,

		/** The password was wrong. */
		FAILURE,

		/** The password was not checked: too many failures came before it. */
		THROTTLED

	}

	/**
	 * Writes a login attempt.
	 * @param result how it ended
	 * @param user the login
	 * @param address the client's address
	 * @param session the STOMP session
	 */
	public void login(LoginResult result, String user, String address, String session) {
		if (logger.isInfoEnabled()) {
			logger.info("login result=" + result.name().toLowerCase(Locale.ROOT) + " user=" + value(user) + " address="
					+ value(address) + " session=" + value(session));
		}
	}

	static String value(String text) {
		if (!text.isEmpty() && text.chars().noneMatch((c) -> c == ' ' || c == '"' || c == '=' || c < 0x20)) {
			return text;
		}
		StringBuilder quoted = new StringBuilder("\"");
		text.chars().forEach((c) -> {
			if (c == '"' || c == '\\') {
				quoted.append('\\').append((char) c);
			}
			else if (c < 0x20) {
				quoted.append(String.format("\\u%04x", c));
			}
			else {
				quoted.append((char) c);
			}
		});
		return quoted.append('"').toString();
	}

}
