package io.dronehub.recorder;

import java.time.Clock;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;

/**
 * Keeps the recorder's database within {@code hub.recorder.retention} and
 * {@code hub.recorder.max-states}: at most once per {@link #CHECK_INTERVAL}, ended
 * flights older than the retention are deleted, then the oldest ended flights until the
 * states fit. On a node of a cluster it first ends the flights that no node has recorded
 * a state of for a while, such as those of a node that died while nobody took their
 * drones over. Called on the recorder's thread between batches, so it never races a
 * write.
 */
final class RecorderRetention {

	/** How often the limits are enforced. */
	static final Duration CHECK_INTERVAL = Duration.ofMinutes(1);

	private static final Log logger = LogFactory.getLog(RecorderRetention.class);

	private final FlightStore store;

	private final RecorderProperties settings;

	private final Clock clock;

	private final @Nullable Duration abandonedAfter;

	private long nextCheckMillis = Long.MIN_VALUE;

	/**
	 * Creates the keeper of a single hub's limits.
	 * @param store the recorder's tables
	 * @param settings the limits
	 * @param clock the time source
	 */
	RecorderRetention(FlightStore store, RecorderProperties settings, Clock clock) {
		this(store, settings, clock, null);
	}

	/**
	 * Creates the keeper of the limits of a node of a cluster.
	 * @param store the recorder's tables
	 * @param settings the limits
	 * @param clock the time source
	 * @param abandonedAfter how long after its last state a flight left open counts as
	 * abandoned and is ended, or {@code null} to end none
	 */
	RecorderRetention(FlightStore store, RecorderProperties settings, Clock clock, @Nullable Duration abandonedAfter) {
		this.store = store;
		this.settings = settings;
		this.clock = clock;
		this.abandonedAfter = abandonedAfter;
	}

	/**
	 * Enforces the limits if the last check is {@link #CHECK_INTERVAL} ago; a database
	 * that is away is tried again at the next check.
	 * @return how many flights were deleted
	 */
	int enforceIfDue() {
		long now = this.clock.millis();
		if (now < this.nextCheckMillis) {
			return 0;
		}
		this.nextCheckMillis = now + CHECK_INTERVAL.toMillis();
		try {
			if (this.abandonedAfter != null) {
				int abandoned = this.store.endAbandonedFlights(now - this.abandonedAfter.toMillis());
				if (abandoned > 0) {
					logger.info("Ended " + abandoned + " flight(s) without a state for " + this.abandonedAfter);
				}
			}
			int expired = this.store.deleteEndedBefore(now - this.settings.retention().toMillis());
			int beyondSize = this.store.deleteOldestBeyond(this.settings.maxStates());
			if (expired + beyondSize > 0) {
				logger.info("Deleted " + expired + " flight(s) older than " + this.settings.retention() + " and "
						+ beyondSize + " beyond " + this.settings.maxStates() + " states");
			}
			return expired + beyondSize;
		}
		catch (DataAccessException ex) {
			logger.warn("Could not enforce the recorder's retention: " + ex.getMessage());
			return 0;
		}
	}

}
