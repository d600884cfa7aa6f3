package io.dronehub.benchmark.generator;

import java.util.Arrays;

import org.HdrHistogram.Histogram;

/**
 * What a group of spectators received during the measured window: deliveries, end-to-end
 * latency, lost and reordered states, disconnections. Counts only while
 * {@link #measuring()}; owned by the event-loop thread.
 */
final class DeliveryStats {

	private final Histogram latencyMillis = new Histogram(3_600_000L, 3);

	private boolean measuring;

	private long delivered;

	private long lost;

	private long reordered;

	private long disconnected;

	private long[] highestSeq = new long[16];

	/**
	 * Starts or stops counting.
	 * @param measuring whether the measured window is open
	 */
	void measuring(boolean measuring) {
		this.measuring = measuring;
	}

	boolean measuring() {
		return this.measuring;
	}

	/**
	 * Records one delivered state.
	 * @param fields the state's identity and time
	 * @param receivedMillis when its WebSocket message arrived, epoch milliseconds
	 * @param skipped what the subscriber's {@link SeqTracker} said about it
	 */
	void delivered(TelemetryFields fields, long receivedMillis, long skipped) {
		int drone = Math.max(fields.droneNumber(), 0);
		if (drone >= this.highestSeq.length) {
			this.highestSeq = Arrays.copyOf(this.highestSeq, Math.max(drone + 1, this.highestSeq.length * 2));
		}
		this.highestSeq[drone] = Math.max(this.highestSeq[drone], fields.seq());
		if (!this.measuring) {
			return;
		}
		this.delivered++;
		this.latencyMillis.recordValue(Math.min(Math.max(receivedMillis - fields.timestamp(), 0), 3_600_000L));
		if (skipped < 0) {
			this.reordered++;
		}
		else {
			this.lost += skipped;
		}
	}

	/**
	 * Records a connection that closed while it should have stayed open.
	 */
	void recordDisconnection() {
		this.disconnected++;
	}

	/**
	 * The sum over drones of the highest sequence number seen: its growth over the window
	 * is the number of states the server published.
	 * @return the sum
	 */
	long publishedSeqSum() {
		return Arrays.stream(this.highestSeq).sum();
	}

	long delivered() {
		return this.delivered;
	}

	long lost() {
		return this.lost;
	}

	long reordered() {
		return this.reordered;
	}

	long disconnected() {
		return this.disconnected;
	}

	Histogram latencyMillis() {
		return this.latencyMillis;
	}

}
