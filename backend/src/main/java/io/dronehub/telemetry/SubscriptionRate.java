package io.dronehub.telemetry;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * How often one telemetry subscription gets each drone's state when its SUBSCRIBE asked
 * for {@value #HEADER}: at most that many states per drone per second, the newest each
 * time, evenly spaced in ticks (so within one tick of even), each one saying how many
 * states of its drone the rate left out since the previous one. Counted in {@code seq},
 * which grows by one per tick: the same on the manual clock as in real time.
 * <p>
 * Guarded by the session's writer, as its subscription is.
 */
final class SubscriptionRate {

	/** The SUBSCRIBE header that asks for a rate, in states per drone per second. */
	static final String HEADER = "rate-hz";

	/** The MESSAGE header that says how many states of the drone the rate left out. */
	static final String SKIPPED_HEADER = "skipped";

	/** The lowest rate a subscription may ask for. */
	static final double MIN_HZ = 0.1;

	/** What {@link #admit} answers for a state that the rate leaves out. */
	static final long LEFT_OUT = -1;

	/** Room for rounding when a due {@code seq} is a fraction. */
	private static final double EPSILON = 1e-9;

	private final double ticksPerState;

	/**
	 * Per drone slot: the {@code seq} from which its next state is due; NaN before its
	 * first.
	 */
	private double[] nextDue = new double[0];

	/** Per drone slot: the {@code seq} of the last state let through. */
	private long[] lastSeq = new long[0];

	/**
	 * @param rateHz the states per drone per second asked for, from {@link #MIN_HZ} to
	 * the simulation's rate
	 * @param simulationRateHz the ticks per second
	 */
	SubscriptionRate(double rateHz, int simulationRateHz) {
		this.ticksPerState = simulationRateHz / rateHz;
	}

	/**
	 * Reads a SUBSCRIBE's {@value #HEADER}.
	 * @param header the header's value, or {@code null} without one
	 * @param simulationRateHz the ticks per second, the highest rate
	 * @return the rate, or {@code null} for every tick (no header)
	 * @throws IllegalArgumentException saying the accepted range, for a value that is not
	 * a number in it
	 */
	static @Nullable SubscriptionRate of(@Nullable String header, int simulationRateHz) {
		if (header == null) {
			return null;
		}
		double hz;
		try {
			hz = Double.parseDouble(header.strip());
		}
		catch (NumberFormatException ex) {
			hz = Double.NaN;
		}
		if (!(hz >= MIN_HZ && hz <= simulationRateHz)) {
			throw new IllegalArgumentException(HEADER + " must be a number from " + MIN_HZ + " to " + simulationRateHz
					+ " (the simulation's rate), not '" + header + "'");
		}
		return new SubscriptionRate(hz, simulationRateHz);
	}

	/**
	 * Decides whether a drone's state goes to the subscriber.
	 * @param slot the drone's slot, {@code 0..slotCount-1}
	 * @param slotCount how many drones the fleet has
	 * @param seq the state's {@code seq}
	 * @return how many states of the drone the rate left out since the previous one let
	 * through (0 for the first), or {@link #LEFT_OUT}
	 */
	long admit(int slot, int slotCount, long seq) {
		if (this.nextDue.length < slotCount) {
			int from = this.nextDue.length;
			this.nextDue = Arrays.copyOf(this.nextDue, slotCount);
			this.lastSeq = Arrays.copyOf(this.lastSeq, slotCount);
			Arrays.fill(this.nextDue, from, slotCount, Double.NaN);
		}
		double due = this.nextDue[slot];
		boolean first = Double.isNaN(due) || seq <= this.lastSeq[slot];
		if (!first && seq + EPSILON < due) {
			return LEFT_OUT;
		}
		long skipped = first ? 0 : seq - this.lastSeq[slot] - 1;
		// evenly spaced from the first state on; after a jump in seq, from this state
		double next = first ? seq + this.ticksPerState : due + this.ticksPerState;
		this.nextDue[slot] = (next <= seq + EPSILON) ? seq + this.ticksPerState : next;
		this.lastSeq[slot] = seq;
		return skipped;
	}

}
