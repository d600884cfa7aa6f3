package io.dronehub.flight;

import java.time.Duration;

/**
 * How long a drone whose pilot disconnected still waits for a pilot before it returns to
 * launch. Owned by the simulation thread.
 */
final class LinkLossCountdown {

	private final double timeoutSeconds;

	/** {@code NaN} while not counting down. */
	private double secondsLeft = Double.NaN;

	LinkLossCountdown(Duration timeout) {
		this.timeoutSeconds = timeout.toNanos() / 1e9;
	}

	double timeoutSeconds() {
		return this.timeoutSeconds;
	}

	void start() {
		this.secondsLeft = this.timeoutSeconds;
	}

	void cancel() {
		this.secondsLeft = Double.NaN;
	}

	/**
	 * Counts down one tick, if counting.
	 * @return {@code true} on the tick the countdown runs out, after which it stops
	 */
	boolean runsOut(double dtSeconds) {
		if (Double.isNaN(this.secondsLeft)) {
			return false;
		}
		this.secondsLeft -= dtSeconds;
		if (this.secondsLeft > 1e-9) {
			return false;
		}
		this.secondsLeft = Double.NaN;
		return true;
	}

}
