package io.dronehub.security;

import org.jspecify.annotations.Nullable;

import org.springframework.util.AntPathMatcher;

/**
 * The destinations a client may subscribe to, as patterns: every other SUBSCRIBE is
 * refused.
 */
public enum Subscribable {

	/** Every drone's telemetry. */
	FLEET_TELEMETRY("/topic/telemetry"),
	/** One drone's telemetry. */
	DRONE_TELEMETRY("/topic/drones/*/telemetry"),
	/** Audit events. */
	EVENTS("/topic/events"),
	/** The fleet snapshot, answered once. */
	FLEET_SNAPSHOT("/app/fleet"),
	/** The latest events, answered once. */
	RECENT_EVENTS("/app/events"),
	/** The session's own command and control replies. */
	REPLIES("/user/queue/replies"),
	/** The session's own errors. */
	ERRORS("/user/queue/errors"),
	/** The frames of the session's own replays of recorded flights. */
	REPLAY("/user/queue/replay"),
	/** Other pilots' requests for the drones the session controls. */
	CONTROL_REQUESTS("/user/queue/control-requests");

	private static final AntPathMatcher matcher = new AntPathMatcher();

	private final String pattern;

	Subscribable(String pattern) {
		this.pattern = pattern;
	}

	/**
	 * The destination pattern, {@code *} standing for one path segment.
	 * @return e.g. {@code /topic/drones/*}{@code /telemetry}
	 */
	public String pattern() {
		return this.pattern;
	}

	/**
	 * The subscribable destination a destination is.
	 * @param destination a SUBSCRIBE frame's destination
	 * @return its kind, or {@code null} if it may not be subscribed to
	 */
	static @Nullable Subscribable of(String destination) {
		for (Subscribable subscribable : values()) {
			if (matcher.match(subscribable.pattern, destination)) {
				return subscribable;
			}
		}
		return null;
	}

}
