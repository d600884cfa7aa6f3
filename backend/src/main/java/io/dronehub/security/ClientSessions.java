package io.dronehub.security;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.dronehub.contract.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.web.socket.CloseStatus;

/**
 * The connected STOMP sessions and what each may still do: sessions per user and per
 * address, the command rate of each session, and its active subscriptions. Also counts
 * them, by role and by destination, and the sessions refused or closed for a limit.
 * Thread-safe: the command rate is checked without a lock, everything else under this
 * object's.
 */
public class ClientSessions {

	private final SecurityProperties.Limits limits;

	private final Map<String, Client> sessions = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();

	private final Map<Role, Integer> perRole = new EnumMap<>(Role.class);

	private final Map<Subscribable, Integer> subscriptions = new EnumMap<>(Subscribable.class);

	private final Map<Limit, Long> closedForLimit = new EnumMap<>(Limit.class);

	ClientSessions(SecurityProperties.Limits limits) {
		this.limits = limits;
	}

	/**
	 * Registers a session that has authenticated.
	 * @param sessionId the STOMP session
	 * @param user the user's name
	 * @param role the most the user may do
	 * @param address the client's IP address
	 * @return {@code null} if it may connect, otherwise why not
	 */
	synchronized @Nullable String open(String sessionId, String user, Role role, String address) {
		if (count(this.perUser, user) >= this.limits.sessionsPerUser()) {
			this.closedForLimit.merge(Limit.SESSIONS_PER_USER, 1L, Long::sum);
			return "too many sessions for " + user + " (at most " + this.limits.sessionsPerUser() + ")";
		}
		if (count(this.perAddress, address) >= this.limits.sessionsPerAddress()) {
			this.closedForLimit.merge(Limit.SESSIONS_PER_ADDRESS, 1L, Long::sum);
			return "too many sessions from " + address + " (at most " + this.limits.sessionsPerAddress() + ")";
		}
		this.sessions.put(sessionId, new Client(user, address, role,
				new TokenBucket(this.limits.commandsPerSecond(), this.limits.commandBurst(), System::nanoTime)));
		this.perUser.computeIfAbsent(user, (key) -> new AtomicInteger()).incrementAndGet();
		this.perAddress.computeIfAbsent(address, (key) -> new AtomicInteger()).incrementAndGet();
		this.perRole.merge(role, 1, Integer::sum);
		return null;
	}

	/**
	 * Forgets a closed session.
	 * @param sessionId the STOMP session
	 * @param status how the WebSocket closed
	 */
	synchronized void close(String sessionId, CloseStatus status) {
		if (status.getCode() == CloseStatus.TOO_BIG_TO_PROCESS.getCode()) {
			this.closedForLimit.merge(Limit.FRAME_SIZE, 1L, Long::sum);
		}
		Client client = this.sessions.remove(sessionId);
		if (client != null) {
			release(this.perUser, client.user());
			release(this.perAddress, client.address());
			this.perRole.merge(client.role(), -1, Integer::sum);
			client.subscriptions()
				.values()
				.forEach((destination) -> this.subscriptions.merge(destination, -1, Integer::sum));
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
	 * @param subscriptionId the id the client gave it
	 * @param destination what it subscribes to
	 * @return {@code true} if the subscription may go ahead
	 */
	synchronized boolean trySubscribe(String sessionId, String subscriptionId, Subscribable destination) {
		Client client = this.sessions.get(sessionId);
		if (client == null || (client.subscriptions().size() >= this.limits.subscriptionsPerSession()
				&& !client.subscriptions().containsKey(subscriptionId))) {
			return false;
		}
		Subscribable replaced = client.subscriptions().put(subscriptionId, destination);
		if (replaced != null) {
			this.subscriptions.merge(replaced, -1, Integer::sum);
		}
		this.subscriptions.merge(destination, 1, Integer::sum);
		return true;
	}

	/**
	 * Frees a subscription of the session.
	 * @param sessionId the STOMP session
	 * @param subscriptionId the id the client gave it
	 */
	synchronized void unsubscribed(String sessionId, String subscriptionId) {
		Client client = this.sessions.get(sessionId);
		Subscribable destination = (client != null) ? client.subscriptions().remove(subscriptionId) : null;
		if (destination != null) {
			this.subscriptions.merge(destination, -1, Integer::sum);
		}
	}

	/**
	 * How many sessions are connected with a role.
	 * @param role the most their users may do
	 * @return the count
	 */
	public synchronized int connected(Role role) {
		return this.perRole.getOrDefault(role, 0);
	}

	/**
	 * How many subscriptions are active.
	 * @param destination what they subscribe to
	 * @return the count, over every session
	 */
	public synchronized int subscriptions(Subscribable destination) {
		return this.subscriptions.getOrDefault(destination, 0);
	}

	/**
	 * How many sessions have been refused or closed for exceeding a limit, since
	 * start-up.
	 * @param limit the limit
	 * @return the count
	 */
	public synchronized long closedFor(Limit limit) {
		return this.closedForLimit.getOrDefault(limit, 0L);
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

	/**
	 * The limits that refuse a CONNECT or close a session.
	 */
	public enum Limit {

		/** An inbound frame was larger than {@code hub.security.limits.frame-size}. */
		FRAME_SIZE,
		/**
		 * The user had {@code hub.security.limits.sessions-per-user} sessions already.
		 */
		SESSIONS_PER_USER,
		/**
		 * The address had {@code hub.security.limits.sessions-per-address} sessions
		 * already.
		 */
		SESSIONS_PER_ADDRESS

	}

	private record Client(String user, String address, Role role, TokenBucket commands,
			Map<String, Subscribable> subscriptions) {

		Client(String user, String address, Role role, TokenBucket commands) {
			this(user, address, role, commands, new HashMap<>());
		}

	}

}
