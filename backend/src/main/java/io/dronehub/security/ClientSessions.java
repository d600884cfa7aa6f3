package io.dronehub.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * The connected STOMP sessions and what each may still do: sessions per user and per
 * address, the command rate of each session, and its active subscriptions. Thread-safe.
 */
public class ClientSessions {

	private final SecurityProperties.Limits limits;

	private final Map<String, Client> sessions = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();

	ClientSessions(SecurityProperties.Limits limits) {
		this.limits = limits;
	}

	/**
	 * Registers a session that has authenticated.
	 * @param sessionId the STOMP session
	 * @param user the user's name
	 * @param address the client's IP address
	 * @return {@code null} if it may connect, otherwise why not
	 */
	synchronized @Nullable String open(String sessionId, String user, String address) {
		if (count(this.perUser, user) >= this.limits.sessionsPerUser()) {
			return "too many sessions for " + user + " (at most " + this.limits.sessionsPerUser() + ")";
		}
		if (count(this.perAddress, address) >= this.limits.sessionsPerAddress()) {
			return "too many sessions from " + address + " (at most " + this.limits.sessionsPerAddress() + ")";
		}
		this.sessions.put(sessionId, new Client(user, address,
				new TokenBucket(this.limits.commandsPerSecond(), this.limits.commandBurst(), System::nanoTime)));
		this.perUser.computeIfAbsent(user, (key) -> new AtomicInteger()).incrementAndGet();
		this.perAddress.computeIfAbsent(address, (key) -> new AtomicInteger()).incrementAndGet();
		return null;
	}

	/**
	 * Forgets a closed session.
	 * @param sessionId the STOMP session
	 */
	synchronized void close(String sessionId) {
		Client client = this.sessions.remove(sessionId);
		if (client != null) {
			release(this.perUser, client.user());
			release(this.perAddress, client.address());
		}
	}

	/**
	 * Takes one SEND from the session's command budget.
	 * @param sessionId the STOMP session
	 * @return {@code true} if the frame may go ahead
	 */
	boolean tryCommand(String sessionId) {
		Client client = this.sessions.get(sessionId);
		return client != null && client.commands().tryTake();
	}

	/**
	 * Counts a new subscription against the session's limit.
	 * @param sessionId the STOMP session
	 * @return {@code true} if the subscription may go ahead
	 */
	boolean trySubscribe(String sessionId) {
		Client client = this.sessions.get(sessionId);
		if (client == null) {
			return false;
		}
		if (client.subscriptions().incrementAndGet() > this.limits.subscriptionsPerSession()) {
			client.subscriptions().decrementAndGet();
			return false;
		}
		return true;
	}

	/**
	 * Frees a subscription of the session.
	 * @param sessionId the STOMP session
	 */
	void unsubscribed(String sessionId) {
		Client client = this.sessions.get(sessionId);
		if (client != null) {
			client.subscriptions().updateAndGet((count) -> Math.max(0, count - 1));
		}
	}

	private static int count(Map<String, AtomicInteger> counts, String key) {
		AtomicInteger count = counts.get(key);
		return (count != null) ? count.get() : 0;
	}

	private static void release(Map<String, AtomicInteger> counts, String key) {
		AtomicInteger count = counts.get(key);
		if (count != null && count.decrementAndGet() <= 0) {
			counts.remove(key);
		}
	}

	private record Client(String user, String address, TokenBucket commands, AtomicInteger subscriptions) {

		Client(String user, String address, TokenBucket commands) {
			this(user, address, commands, new AtomicInteger());
		}

	}

}
