package io.dronehub.cluster;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.integration.jdbc.lock.LockRepository;
import org.springframework.transaction.TransactionException;

/**
 * Which drones this node may simulate: one lease per drone in the shared database, held
 * through Spring Integration's {@link LockRepository} (table {@code INT_LOCK}). A lease
 * expires {@code hub.cluster.node-timeout} after it was last taken or renewed, so the
 * drones of a node that died are free again that long after its last renewal. While the
 * database does not answer nothing can be taken or renewed: each call answers
 * {@code false} and the outage is logged once.
 * <p>
 * Used by the cluster's own thread only.
 */
final class DroneLeases {

	private static final Log logger = LogFactory.getLog(DroneLeases.class);

	private final LockRepository repository;

	private final Duration ttl;

	private boolean unreachable;

	DroneLeases(LockRepository repository, Duration ttl) {
		this.repository = repository;
		this.ttl = ttl;
	}

	/**
	 * Takes a drone's lease if nobody else holds it, or renews it if this node does.
	 * @param droneId the drone
	 * @return whether this node holds it now
	 */
	boolean acquire(String droneId) {
		return attempt(() -> this.repository.acquire(key(droneId), this.ttl));
	}

	/**
	 * Renews a lease this node holds.
	 * @param droneId the drone
	 * @return whether this node still holds it
	 */
	boolean renew(String droneId) {
		return attempt(() -> this.repository.renew(key(droneId), this.ttl));
	}

	/**
	 * Gives a lease up, so another node may take it at once.
	 * @param droneId the drone
	 */
	void release(String droneId) {
		attempt(() -> this.repository.delete(key(droneId)));
	}

	/** Whether the last call reached the database. */
	boolean reachable() {
		return !this.unreachable;
	}

	private boolean attempt(Attempt attempt) {
		try {
			boolean result = attempt.run();
			if (this.unreachable) {
				logger.info("The lease database answers again");
				this.unreachable = false;
			}
			return result;
		}
		catch (DataAccessException | TransactionException ex) {
			if (!this.unreachable) {
				logger.warn("The lease database does not answer: no drone can be taken over or kept until it does: "
						+ ex.getMessage());
				this.unreachable = true;
			}
			else {
				logger.debug("The lease database still does not answer", ex);
			}
			return false;
		}
	}

	private static String key(String droneId) {
		return "drone:" + droneId;
	}

	@FunctionalInterface
	private interface Attempt {

		boolean run();

	}

}
