package io.dronehub.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.dronehub.contract.ErrorCode;
import io.dronehub.contract.ErrorMessage;

import org.springframework.scheduling.TaskScheduler;

/**
 * Tells a session how many of its command frames the rate limit dropped: one
 * {@code RATE_LIMITED} error a quarter of a second after the first drop, counting every
 * frame dropped meanwhile, instead of one error per frame, which would flood a flooding
 * client's own connection. Thread-safe.
 */
class RateLimitNotices {

	static final Duration WINDOW = Duration.ofMillis(250);

	private final SessionErrors errors;

	private final TaskScheduler scheduler;

	private final SecurityProperties.Limits limits;

	private final Map<String, Integer> dropped = new ConcurrentHashMap<>();

	RateLimitNotices(SessionErrors errors, TaskScheduler scheduler, SecurityProperties.Limits limits) {
		this.errors = errors;
		this.scheduler = scheduler;
		this.limits = limits;
	}

	void dropped(String user, String sessionId) {
		this.dropped.compute(sessionId, (id, count) -> {
			if (count == null) {
				this.scheduler.schedule(() -> report(user, id), Instant.now().plus(WINDOW));
				return 1;
			}
			return count + 1;
		});
	}

	private void report(String user, String sessionId) {
		Integer count = this.dropped.remove(sessionId);
		if (count != null) {
			this.errors.send(user, sessionId,
					new ErrorMessage(ErrorCode.RATE_LIMITED,
							count + " command frames dropped: more than " + this.limits.commandsPerSecond()
									+ " per second (bursts of " + this.limits.commandBurst() + ") from this session"));
		}
	}

}
