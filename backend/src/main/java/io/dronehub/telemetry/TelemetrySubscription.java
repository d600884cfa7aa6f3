package io.dronehub.telemetry;

import java.util.function.LongConsumer;

import io.dronehub.outbound.FrameBatch;
import org.jspecify.annotations.Nullable;

/**
 * One session's subscription to a telemetry topic, with the newest undelivered frame per
 * drone and when the simulation published it. Guarded by the session's writer, as its
 * {@link TelemetrySlots} are.
 */
final class TelemetrySubscription {

	private final String id;

	private final String destination;

	/** What its frames are shared by: its destination and id. */
	private final String frameKey;

	private final @Nullable String droneId;

	private final @Nullable SubscriptionRate rate;

	private String @Nullable [] pending;

	private long[] pendingPublishedNanos = new long[0];

	private int pendingCount;

	TelemetrySubscription(String id, String destination, @Nullable String droneId) {
		this(id, destination, droneId, null);
	}

	/**
	 * @param id the client's subscription id
	 * @param destination the topic
	 * @param droneId the drone of a drone's topic, or {@code null} for every drone
	 * @param rate how often it gets each drone's state, or {@code null} for every tick
	 */
	TelemetrySubscription(String id, String destination, @Nullable String droneId, @Nullable SubscriptionRate rate) {
		this.id = id;
		this.destination = destination;
		// one instance per key, so that looking a frame up compares references, not text
		this.frameKey = (destination + '\n' + id).intern();
		this.droneId = droneId;
		this.rate = rate;
	}

	String id() {
		return this.id;
	}

	String destination() {
		return this.destination;
	}

	/**
	 * The key of the frames it shares with the subscriptions of the same destination and
	 * id, built once rather than for every frame, and the same instance for all of them.
	 */
	String frameKey() {
		return this.frameKey;
	}

	boolean wants(String droneId) {
		return this.droneId == null || this.droneId.equals(droneId);
	}

	/**
	 * Decides whether a state of a drone it wants goes to this subscription.
	 * @param slot the drone's slot
	 * @param slotCount how many drones the fleet has
	 * @param seq the state's {@code seq}
	 * @return {@link TickFrames#EVERY_TICK} without a rate; with one, how many states of
	 * the drone it left out since the previous one, or {@link SubscriptionRate#LEFT_OUT}
	 */
	long admit(int slot, int slotCount, long seq) {
		return (this.rate != null) ? this.rate.admit(slot, slotCount, seq) : TickFrames.EVERY_TICK;
	}

	/**
	 * Keeps the newest frame of a drone.
	 * @return {@code true} if it replaced an undelivered older one
	 */
	boolean offer(int droneIndex, int droneCount, String frame, long publishedNanos) {
		if (this.pending == null || this.pending.length < droneCount) {
			this.pending = new String[droneCount];
			this.pendingPublishedNanos = new long[droneCount];
		}
		boolean replaced = this.pending[droneIndex] != null;
		if (!replaced) {
			this.pendingCount++;
		}
		this.pending[droneIndex] = frame;
		this.pendingPublishedNanos[droneIndex] = publishedNanos;
		return replaced;
	}

	boolean hasPending() {
		return this.pendingCount > 0;
	}

	/**
	 * Moves pending frames, in drone order, to {@code batch} while they fit, telling
	 * {@code taken} when each moved frame was published.
	 */
	void drainTo(FrameBatch batch, LongConsumer taken) {
		if (this.pending == null) {
			return;
		}
		for (int i = 0; i < this.pending.length && this.pendingCount > 0; i++) {
			String frame = this.pending[i];
			if (frame == null) {
				continue;
			}
			if (!batch.fits(frame)) {
				return;
			}
			batch.add(frame);
			this.pending[i] = null;
			this.pendingCount--;
			taken.accept(this.pendingPublishedNanos[i]);
		}
	}

	/**
	 * Removes and returns the first pending frame, or {@code null}, telling {@code taken}
	 * when it was published.
	 */
	@Nullable String poll(LongConsumer taken) {
		if (this.pending == null || this.pendingCount == 0) {
			return null;
		}
		for (int i = 0; i < this.pending.length; i++) {
			String frame = this.pending[i];
			if (frame != null) {
				this.pending[i] = null;
				this.pendingCount--;
				taken.accept(this.pendingPublishedNanos[i]);
				return frame;
			}
		}
		return null;
	}

}
