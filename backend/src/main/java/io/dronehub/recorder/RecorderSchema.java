package io.dronehub.recorder;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Brings the recorder's tables up to date with Flyway, at start-up if the database
 * answers and otherwise as soon as it does, so that a database that is away when the hub
 * starts does not keep the hub from flying. Once migrated, ends the flights that a hub
 * stopped without closing left open. Used by the recorder's thread, and by the thread
 * that starts the recorder before that.
 */
final class RecorderSchema {

	private static final Log logger = LogFactory.getLog(RecorderSchema.class);

	/** How long to wait after a failed attempt before the next. */
	private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final Flyway flyway;

	private final FlightStore store;

	private final LongSupplier nanoTime;

	private final LongSupplier abandonedBefore;

	private boolean ready;

	private long nextAttempt;

	private boolean failedBefore;

	/**
	 * Creates the schema's keeper.
	 * @param flyway migrates the tables
	 * @param store ends the flights left open
	 * @param nanoTime the time source of the retries
	 * @param abandonedBefore a flight left open counts as abandoned when its last state
	 * is older than this, epoch milliseconds: every one on a single hub
	 */
	RecorderSchema(Flyway flyway, FlightStore store, LongSupplier nanoTime, LongSupplier abandonedBefore) {
		this.flyway = flyway;
		this.store = store;
		this.nanoTime = nanoTime;
		this.abandonedBefore = abandonedBefore;
		this.nextAttempt = nanoTime.getAsLong();
	}

	/**
	 * Migrates unless that is done, or failed less than a second ago.
	 * @return whether the tables are ready for writing
	 */
	boolean ensureReady() {
		if (this.ready || this.nanoTime.getAsLong() - this.nextAttempt < 0) {
			return this.ready;
		}
		try {
			this.flyway.migrate();
			int ended = this.store.endAbandonedFlights(this.abandonedBefore.getAsLong());
			if (ended > 0) {
				logger.info("Ended " + ended + " flight(s) left open by a hub that stopped without closing them");
			}
			if (this.failedBefore) {
				logger.info("The flight recorder's database answers; its tables are up to date");
			}
			this.ready = true;
		}
		catch (FlywayException | DataAccessException | TransactionException ex) {
			if (!this.failedBefore) {
				logger.warn("The flight recorder's database does not answer; the hub flies on and tries again "
						+ "every second: " + ex.getMessage());
			}
			this.failedBefore = true;
			this.nextAttempt = this.nanoTime.getAsLong() + RETRY_NANOS;
		}
		return this.ready;
	}

}
