package io.dronehub.flight;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The flight modes of a drone and the one table of legal transitions between them, shared
 * by pilot commands and failsafes. As in PX4, a take-off can be redirected at any time:
 * from {@link #TAKEOFF} every airborne mode is legal, and a mission may start from the
 * ground ({@link #ARMED}) or from any mode in the air.
 */
public enum FlightMode {

	/** On the ground, motors off. */
	DISARMED,
	/** On the ground, motors spinning, ready to take off. */
	ARMED,
	/** Climbing vertically to the requested altitude. */
	TAKEOFF,
	/** Hovering in place. */
	HOLD,
	/** Following the pilot's velocity set-points (MOVE). */
	MANUAL,
	/** Flying to a target position (GOTO, NUDGE). */
	GOTO,
	/** Descending where it is until touchdown, then disarming. */
	LAND,
	/** Climbing to the return altitude, flying home, then landing there. */
	RTL,
	/**
	 * Flying an uploaded mission waypoint by waypoint; from the ground it climbs to the
	 * first waypoint's altitude first.
	 */
	MISSION;

	private static final Set<FlightMode> IN_THE_AIR = EnumSet.of(HOLD, MANUAL, GOTO, LAND, RTL, MISSION);

	private static final Map<FlightMode, Set<FlightMode>> LEGAL = Map.of(DISARMED, EnumSet.of(ARMED), ARMED,
			EnumSet.of(DISARMED, TAKEOFF, MISSION), TAKEOFF, IN_THE_AIR, HOLD, IN_THE_AIR, MANUAL, IN_THE_AIR, GOTO,
			IN_THE_AIR, MISSION, IN_THE_AIR, LAND, EnumSet.of(HOLD, MANUAL, GOTO, RTL, MISSION, DISARMED), RTL,
			EnumSet.of(HOLD, MANUAL, GOTO, LAND, MISSION, DISARMED));

	/**
	 * Whether the drone is in the air (or leaving or reaching the ground) in this mode.
	 * @return {@code false} for {@link #DISARMED} and {@link #ARMED}
	 */
	public boolean airborne() {
		return this != DISARMED && this != ARMED;
	}

	/**
	 * Whether a drone in this mode may switch to {@code next}.
	 * @param next the requested mode
	 * @return {@code true} if the transition is in the table
	 */
	public boolean canSwitchTo(FlightMode next) {
		return LEGAL.get(this).contains(next);
	}

}
