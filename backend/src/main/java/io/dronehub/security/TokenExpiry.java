package io.dronehub.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Closes the sessions that logged in with a token once the token expires, with an ERROR
 * frame that says so, as RabbitMQ's OAuth 2 plugin does: a session lives no longer than
 * the identity provider allowed. Checked each second against the hub's clock.
 */
class TokenExpiry implements SmartLifecycle {

	private static final Duration SWEEP = Duration.ofSeconds(1);

	private final ConcurrentSkipListSet<Expiring> byTime = new ConcurrentSkipListSet<>(
			Comparator.comparing(Expiring::at).thenComparing(Expiring::sessionId));

	private final Map<String, Expiring> bySession = new ConcurrentHashMap<>();

	private final SessionCloser closer;

	private final TaskScheduler scheduler;

	private final Clock clock;

	private volatile @Nullable ScheduledFuture<?> sweeping;

	TokenExpiry(SessionCloser closer, TaskScheduler scheduler, Clock clock) {
		this.closer = closer;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	/**
	 * Closes a session when its token expires.
	 * @param sessionId the session
	 * @param at the token's {@code exp}
	 */
	void watch(String sessionId, Instant at) {
		Expiring expiring = new Expiring(at, sessionId);
		Expiring earlier = this.bySession.put(sessionId, expiring);
		if (earlier != null) {
			this.byTime.remove(earlier);
		}
		this.byTime.add(expiring);
	}

	/**
	 * Forgets a session that has closed.
	 * @param sessionId the session
	 */
	void forget(String sessionId) {
		Expiring expiring = this.bySession.remove(sessionId);
		if (expiring != null) {
			this.byTime.remove(expiring);
		}
	}

	void sweep() {
		Instant now = this.clock.instant();
		Expiring first;
		while ((first = this.byTime.pollFirst()) != null) {
			if (first.at().isAfter(now)) {
				this.byTime.add(first);
				return;
			}
			if (this.bySession.remove(first.sessionId(), first)) {
				this.closer.close(first.sessionId(), "token expired at " + first.at() + ": log in again");
			}
		}
	}

	@Override
	public void start() {
		this.sweeping = this.scheduler.scheduleAtFixedRate(this::sweep, SWEEP);
	}

	@Override
	public void stop() {
		ScheduledFuture<?> task = this.sweeping;
		if (task != null) {
			task.cancel(false);
		}
		this.sweeping = null;
	}

	@Override
	public boolean isRunning() {
		return this.sweeping != null;
	}

	private record Expiring(Instant at, String sessionId) {
	}

}
