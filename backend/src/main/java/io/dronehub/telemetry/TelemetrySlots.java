package io.dronehub.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import io.dronehub.outbound.FrameBatch;
import io.dronehub.outbound.LatestFrames;
import io.dronehub.outbound.SessionWriter;
import org.jspecify.annotations.Nullable;

/**
 * The telemetry waiting for one session: its subscriptions to the telemetry topics, each
 * with the newest undelivered frame per drone, and how many frames newer ones replaced.
 * Guarded by the session's {@link SessionWriter}, which changes it through
 * {@link SessionWriter#updateLatest} and drains it.
 */
final class TelemetrySlots implements LatestFrames {

	private final List<TelemetrySubscription> subscriptions = new ArrayList<>();

	private long conflated;

	void subscribe(TelemetrySubscription subscription) {
		this.subscriptions.add(subscription);
	}

	void unsubscribe(String subscriptionId) {
		this.subscriptions.removeIf((subscription) -> subscription.id().equals(subscriptionId));
	}

	/**
	 * Offers a tick's frames to every subscription: each keeps the newest frame of each
	 * drone it wants and its rate lets through, and a frame that replaces an undelivered
	 * one counts as conflated.
	 */
	void offer(TickFrames tick) {
		for (TelemetrySubscription subscription : this.subscriptions) {
			for (int i = 0; i < tick.size(); i++) {
				if (!subscription.wants(tick.droneId(i))) {
					continue;
				}
				long skipped = subscription.admit(tick.slot(i), tick.slotCount(), tick.seq(i));
				if (skipped != SubscriptionRate.LEFT_OUT) {
					if (subscription.offer(tick.slot(i), tick.slotCount(), tick.frame(i, subscription, skipped),
							tick.publishedNanos())) {
						this.conflated++;
					}
				}
			}
		}
	}

	@Override
	public boolean hasPending() {
		for (TelemetrySubscription subscription : this.subscriptions) {
			if (subscription.hasPending()) {
				return true;
			}
		}
		return false;
	}

	@Override
	public @Nullable String poll(LongConsumer taken) {
		for (TelemetrySubscription subscription : this.subscriptions) {
			String telemetry = subscription.poll(taken);
			if (telemetry != null) {
				return telemetry;
			}
		}
		return null;
	}

	@Override
	public void drainTo(FrameBatch batch, LongConsumer taken) {
		for (TelemetrySubscription subscription : this.subscriptions) {
			subscription.drainTo(batch, taken);
		}
	}

	@Override
	public long conflated() {
		return this.conflated;
	}

}
