package io.dronehub.recorder;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The recorder in {@code /actuator/health} as {@code recorder}: {@code UP} while it keeps
 * everything, {@code DEGRADED} while it loses data (the database is away or too slow).
 * Live telemetry does not depend on it, so it is not part of readiness.
 */
class RecorderHealthIndicator implements HealthIndicator {

	/** The status of a recorder that is losing data. */
	static final Status DEGRADED = new Status("DEGRADED", "the recorder is losing data");

	private final FlightRecorder recorder;

	RecorderHealthIndicator(FlightRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public Health health() {
		return Health.status(this.recorder.degraded() ? DEGRADED : Status.UP)
			.withDetail("queued", this.recorder.queued())
			.withDetail("flying", this.recorder.flying())
			.build();
	}

}
