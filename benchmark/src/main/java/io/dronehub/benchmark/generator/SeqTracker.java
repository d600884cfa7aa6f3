package io.dronehub.benchmark.generator;

import java.util.Arrays;

/**
 * One subscriber's view of each drone's sequence: what it last saw, to count the states
 * it missed and those that arrived out of order. Owned by the event-loop thread.
 */
final class SeqTracker {

	private long[] lastSeq = new long[16];

	/**
	 * Records a state and says how it relates to the previous one of the same drone.
	 * @param droneNumber the drone, 0 or more
	 * @param seq the state's sequence number
	 * @return how many states were skipped before this one (0 when in order), or -1 when
	 * this state is not newer than the last one seen
	 */
	long accept(int droneNumber, long seq) {
		if (droneNumber >= this.lastSeq.length) {
			this.lastSeq = Arrays.copyOf(this.lastSeq, Math.max(droneNumber + 1, this.lastSeq.length * 2));
		}
		long last = this.lastSeq[droneNumber];
		if (last == 0) {
			this.lastSeq[droneNumber] = seq;
			return 0;
		}
		if (seq <= last) {
			return -1;
		}
		this.lastSeq[droneNumber] = seq;
		return seq - last - 1;
	}

}
