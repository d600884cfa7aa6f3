package io.dronehub.flight;

/**
 * A drone's battery charge and the failsafe thresholds it falls through. Each alarm is
 * raised once, and cleared when the battery recharges above its threshold on the ground.
 * Owned by the simulation thread.
 */
final class BatteryMonitor {

	private final BatteryModel model;

	private final FlightProperties.BatterySettings settings;

	private double percent = 100;

	private boolean lowRaised;

	private boolean emptyRaised;

	BatteryMonitor(BatteryModel model, FlightProperties.BatterySettings settings) {
		this.model = model;
		this.settings = settings;
	}

	/**
	 * Drains or recharges the battery for a tick in a mode, at the drone's speed.
	 * @return the alarm this tick raised, if any
	 */
	Alarm drain(FlightMode mode, Motion motion, double dtSeconds) {
		this.percent = this.model.next(this.percent, mode, motion.groundSpeed(), motion.velocity().up(), dtSeconds);
		if (!mode.airborne()) {
			this.lowRaised &= this.percent <= this.settings.lowPercent();
			this.emptyRaised &= this.percent <= this.settings.emptyPercent();
			return Alarm.NONE;
		}
		if (!this.emptyRaised && this.percent <= this.settings.emptyPercent()) {
			this.emptyRaised = true;
			this.lowRaised = true;
			return Alarm.EMPTY;
		}
		if (!this.lowRaised && this.percent <= this.settings.lowPercent()) {
			this.lowRaised = true;
			return Alarm.LOW;
		}
		return Alarm.NONE;
	}

	/**
	 * Carries on from a charge another simulator reported; the alarms at or above that
	 * charge count as raised already, so they are not raised twice for one flight.
	 */
	void resume(double percent, boolean airborne) {
		this.percent = percent;
		this.lowRaised = airborne && percent <= this.settings.lowPercent();
		this.emptyRaised = airborne && percent <= this.settings.emptyPercent();
	}

	double percent() {
		return this.percent;
	}

	double voltage() {
		return this.model.voltage(this.percent);
	}

	/**
	 * Whether the battery ran empty in flight and has not recharged since.
	 */
	boolean empty() {
		return this.emptyRaised;
	}

	/** What a tick's drain means for the flight. */
	enum Alarm {

		/** Nothing new. */
		NONE,
		/** The charge fell to the low threshold in flight: time to return to launch. */
		LOW,
		/** The charge fell to the empty threshold in flight: time to land where it is. */
		EMPTY

	}

}
