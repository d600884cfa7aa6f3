package io.dronehub.flight;

/**
 * A drone's progress through its {@link Mission}: the item it flies to, whether it first
 * climbs from the ground or hovers at the item, and the {@link MissionState}. Decides
 * only what comes next; the {@link Drone} flies it.
 * <p>
 * Owned by the simulation thread.
 */
final class MissionRun {

	private final Mission mission;

	private int current;

	private MissionState state = MissionState.READY;

	private boolean climbing;

	private boolean hovering;

	private double hoverLeftSeconds;

	MissionRun(Mission mission) {
		this.mission = mission;
	}

	Mission mission() {
		return this.mission;
	}

	MissionState state() {
		return this.state;
	}

	/**
	 * The index of the waypoint flown to or hovered at; the count of them once finished.
	 */
	int current() {
		return this.current;
	}

	/** The waypoint flown to or hovered at; only while not finished. */
	Mission.Waypoint waypoint() {
		return this.mission.waypoints().get(this.current);
	}

	/** The 1-based number of the current item, for the words of events. */
	String itemOfTotal() {
		return "item " + (this.current + 1) + " of " + this.mission.waypoints().size();
	}

	/**
	 * Whether the drone first climbs from the ground to the current waypoint's altitude.
	 */
	boolean climbing() {
		return this.climbing;
	}

	/** Whether the drone hovers at the current waypoint. */
	boolean hovering() {
		return this.hovering;
	}

	/**
	 * Flies the mission from an item on.
	 * @param from the index of the first waypoint to fly to
	 * @param fromGround whether the drone climbs first
	 */
	void fly(int from, boolean fromGround) {
		this.current = from;
		this.state = MissionState.ACTIVE;
		this.climbing = fromGround;
		this.hovering = false;
	}

	/** The climb from the ground reached the first waypoint's altitude. */
	void climbed() {
		this.climbing = false;
	}

	/**
	 * The current waypoint was reached: the hover there begins, if it has one.
	 * @return {@code true} if the drone hovers before going on
	 */
	boolean reached() {
		this.hovering = waypoint().holdSeconds() > 0;
		this.hoverLeftSeconds = waypoint().holdSeconds();
		return this.hovering;
	}

	/**
	 * Counts a tick of the hover at the current waypoint.
	 * @param dtSeconds the tick
	 * @return {@code true} once the hover is over
	 */
	boolean hovered(double dtSeconds) {
		this.hoverLeftSeconds -= dtSeconds;
		return this.hoverLeftSeconds <= 1e-9;
	}

	/**
	 * Goes on to the next waypoint.
	 * @return {@code false} if the current one was the last: the mission is finished
	 */
	boolean advance() {
		this.hovering = false;
		this.current++;
		if (this.current < this.mission.waypoints().size()) {
			return true;
		}
		this.state = MissionState.FINISHED;
		return false;
	}

	/**
	 * Interrupts the mission at its current item; a hover there starts again on resume.
	 */
	void pause() {
		this.state = MissionState.PAUSED;
		this.climbing = false;
		this.hovering = false;
	}

	/** The mission as telemetry shows it. */
	MissionStatus status() {
		return new MissionStatus(this.mission.id(), this.current, this.mission.waypoints().size(), this.state);
	}

}
