package io.dronehub.audit;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.dronehub.command.CommandReply;
import io.dronehub.command.ControlRequest;
import io.dronehub.command.RequestOutcome;
import io.dronehub.command.RequestOutcomeListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Writes the audit trail: one INFO line per entry in the {@code io.dronehub.audit} log
 * category, as {@code key=value} pairs ({@code logfmt}), values quoted when they hold a
 * space, a quote or an equals sign. Entries are logins, control requests (acquire,
 * release, force-release, ask, grant, deny, allow take-over) with their outcome, and
 * administrative actions over HTTP; each names the user, the client's address and the
 * STOMP session ({@code -} where there is none).
 */
public final class AuditLog implements RequestOutcomeListener {

	private static final Log logger = LogFactory.getLog("io.dronehub.audit");

	private static final String NONE = "-";

	private final Map<String, String> addresses = new ConcurrentHashMap<>();

	/** How a login ended. */
	public enum LoginResult {

		/** The password or token was good. */
		SUCCESS,

		/** The password or token was bad. */
		FAILURE,

		/** The password was not checked: too many failures came before it. */
		THROTTLED

	}

	/**
	 * Writes a login attempt, and remembers the address of a session that logged in for
	 * the entries of its requests.
	 * @param result how it ended
	 * @param user the login, {@code -} when a token named none
	 * @param address the client's address
	 * @param session the STOMP session
	 */
	public void login(LoginResult result, String user, String address, String session) {
		if (result == LoginResult.SUCCESS) {
			this.addresses.put(session, address);
		}
		write("login result=" + lower(result.name()) + " user=" + value(user) + " address=" + value(address)
				+ " session=" + value(session));
	}

	/**
	 * Forgets a session that has closed.
	 * @param session the STOMP session
	 */
	public void closed(String session) {
		this.addresses.remove(session);
	}

	/**
	 * Writes a control request and its outcome; other requests (commands, missions) are
	 * the flight recorder's to keep.
	 */
	@Override
	public void requestDecided(RequestOutcome outcome) {
		if (!(outcome.request() instanceof ControlRequest control)) {
			return;
		}
		CommandReply reply = outcome.reply();
		String result = (reply.status() == CommandReply.Status.ACCEPTED) ? "accepted" : "rejected code=" + reply.code();
		write("control action=" + lower(control.action().name()) + " drone=" + value(String.valueOf(control.droneId()))
				+ " result=" + result + " user=" + value(outcome.pilot()) + " address="
				+ value(this.addresses.getOrDefault(outcome.sessionId(), NONE)) + " session="
				+ value(outcome.sessionId()));
	}

	/**
	 * Writes an administrative action taken over HTTP.
	 * @param action what was done, e.g. {@code delete-flight}
	 * @param target what it was done to
	 * @param result how it ended, e.g. {@code deleted}
	 * @param user who did it
	 * @param address the client's address
	 */
	public void admin(String action, String target, String result, String user, String address) {
		write("admin action=" + value(action) + " target=" + value(target) + " result=" + value(result) + " user="
				+ value(user) + " address=" + value(address) + " session=" + NONE);
	}

	private static void write(String line) {
		if (logger.isInfoEnabled()) {
			logger.info(line);
		}
	}

	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT).replace('_', '-');
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
