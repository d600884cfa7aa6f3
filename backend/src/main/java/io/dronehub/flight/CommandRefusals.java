package io.dronehub.flight;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Why a drone refuses a pilot's command, or {@code null} when it may carry it out: the
 * transition table of {@link FlightMode}, the battery, and the altitudes and distances
 * the limits and the geofence allow. Each refusal carries the code and the words the
 * pilot sees.
 */
final class CommandRefusals {

	private final String droneId;

	/** The slowest speed a mission item may ask for, m/s. */
	static final double MIN_MISSION_SPEED = 0.5;

	/** The longest a mission item may hover, s. */
	static final double MAX_HOLD_SECONDS = 3600;

	private final FlightProperties limits;

	CommandRefusals(String droneId, FlightProperties limits) {
		this.droneId = droneId;
		this.limits = limits;
	}

	@Nullable CommandResult arm(FlightMode mode, BatteryMonitor battery) {
		if (mode == FlightMode.ARMED) {
			return denied("%s is already armed", this.droneId);
		}
		CommandResult refusal = switchTo(mode, FlightMode.ARMED, battery);
		if (refusal == null && battery.percent() <= this.limits.battery().lowPercent()) {
			refusal = denied("battery of %s is at %.0f%%, below the %.0f%% needed to arm", this.droneId,
					battery.percent(), this.limits.battery().lowPercent());
		}
		return refusal;
	}

	@Nullable CommandResult disarm(FlightMode mode) {
		if (mode == FlightMode.DISARMED) {
			return denied("%s is already disarmed", this.droneId);
		}
		return mode.airborne() ? notLanded(mode) : null;
	}

	@Nullable CommandResult takeoff(FlightMode mode, BatteryMonitor battery, double altitudeMeters) {
		if (mode.airborne()) {
			return denied("%s is already in the air (%s)", this.droneId, mode);
		}
		CommandResult refusal = switchTo(mode, FlightMode.TAKEOFF, battery);
		if (refusal == null) {
			refusal = altitude(altitudeMeters);
		}
		if (refusal == null && battery.percent() <= this.limits.battery().lowPercent()) {
			refusal = denied("battery of %s is at %.0f%%: too low to take off", this.droneId, battery.percent());
		}
		return refusal;
	}

	/**
	 * Why a drone may not fly to a target (GOTO or NUDGE).
	 * @param target metres north, east and above home
	 */
	@Nullable CommandResult goTo(FlightMode mode, BatteryMonitor battery, Vector3 target) {
		CommandResult refusal = switchTo(mode, FlightMode.GOTO, battery);
		if (refusal == null) {
			refusal = altitude(target.up());
		}
		double distance = target.horizontalLength();
		if (refusal == null && distance > this.limits.geofence().radius()) {
			refusal = CommandResult.rejected(ResultCode.GEOFENCE,
					String.format("target is %.0f m from home, outside the %.0f m geofence", distance,
							this.limits.geofence().radius()));
		}
		return refusal;
	}

	/**
	 * Why a drone refuses a mission, item by item: each waypoint's numbers present,
	 * finite and in range, its altitude within the limits and the point inside the
	 * geofence. The refusal names the first item refused.
	 * @param items the waypoints as sent
	 * @param frame the drone's local frame, to measure from home
	 */
	@Nullable CommandResult mission(List<@Nullable MissionItem> items, LocalFrame frame) {
		for (int i = 0; i < items.size(); i++) {
			CommandResult refusal = missionItem(i, items.get(i), frame);
			if (refusal != null) {
				return refusal;
			}
		}
		return null;
	}

	private @Nullable CommandResult missionItem(int index, @Nullable MissionItem item, LocalFrame frame) {
		if (item == null) {
			return CommandResult.rejectedItem(ResultCode.INVALID_ARGUMENT, index, "a waypoint is required");
		}
		String invalid = firstOf(unusable("lat", item.lat(), false), unusable("lon", item.lon(), false),
				unusable("altitude", item.altitude(), false), unusable("speed", item.speed(), true),
				unusable("holdS", item.holdS(), true), outside("lat", item.lat(), -90, 90),
				outside("lon", item.lon(), -180, 180));
		if (invalid != null) {
			return CommandResult.rejectedItem(ResultCode.INVALID_ARGUMENT, index, invalid);
		}
		String outOfRange = firstOf(outside("speed", item.speed(), MIN_MISSION_SPEED, this.limits.maxHorizontalSpeed()),
				outside("holdS", item.holdS(), 0, MAX_HOLD_SECONDS));
		if (outOfRange != null) {
			return CommandResult.rejectedItem(ResultCode.OUT_OF_RANGE, index, outOfRange);
		}
		CommandResult altitude = altitude(item.altitude());
		if (altitude != null) {
			return CommandResult.rejectedItem(Objects.requireNonNull(altitude.code()), index,
					Objects.requireNonNull(altitude.reason()));
		}
		double distance = Math.hypot(frame.northOf(item.lat()), frame.eastOf(item.lon()));
		if (distance > this.limits.geofence().radius()) {
			return CommandResult.rejectedItem(ResultCode.GEOFENCE, index,
					String.format("the waypoint is %.0f m from home, outside the %.0f m geofence", distance,
							this.limits.geofence().radius()));
		}
		return null;
	}

	/** Why a waypoint's number cannot be used at all, or {@code null}. */
	private static @Nullable String unusable(String name, @Nullable Double value, boolean optional) {
		if (value == null) {
			return optional ? null : name + " is required";
		}
		return Double.isFinite(value) ? null : name + " must be a finite number";
	}

	/** Why a waypoint's number, if given, is out of its range, or {@code null}. */
	private static @Nullable String outside(String name, @Nullable Double value, double min, double max) {
		return (value != null && (value < min || value > max))
				? String.format("%s must be between %s and %s, was %s", name, min, max, value) : null;
	}

	private static @Nullable String firstOf(@Nullable String... problems) {
		for (String problem : problems) {
			if (problem != null) {
				return problem;
			}
		}
		return null;
	}

	/**
	 * Why a pilot may not switch a drone from {@code mode} to {@code next} now: the
	 * transition table forbids it, or the battery is empty and the drone is landing.
	 */
	@Nullable CommandResult switchTo(FlightMode mode, FlightMode next, BatteryMonitor battery) {
		if (battery.empty() && mode.airborne() && next != FlightMode.LAND) {
			return denied("battery of %s is empty: it is landing", this.droneId);
		}
		if (mode.canSwitchTo(next)) {
			return null;
		}
		if (mode == FlightMode.DISARMED) {
			return denied((next == FlightMode.TAKEOFF) ? "%s is disarmed: ARM first"
					: "%s is on the ground and disarmed: ARM and TAKEOFF first", this.droneId);
		}
		if (!mode.airborne()) {
			return denied("%s is on the ground: TAKEOFF first", this.droneId);
		}
		if (!next.airborne()) {
			return notLanded(mode);
		}
		return denied("%s cannot switch from %s to %s", this.droneId, mode, next);
	}

	private @Nullable CommandResult altitude(double altitudeMeters) {
		if (altitudeMeters < this.limits.minAltitude()) {
			return CommandResult.rejected(ResultCode.OUT_OF_RANGE,
					String.format("altitude %.1f m is below the %.1f m minimum (use LAND to descend to the ground)",
							altitudeMeters, this.limits.minAltitude()));
		}
		if (altitudeMeters > this.limits.geofence().maxAltitude()) {
			return CommandResult.rejected(ResultCode.GEOFENCE,
					String.format("altitude %.1f m is above the geofence ceiling of %.0f m", altitudeMeters,
							this.limits.geofence().maxAltitude()));
		}
		return null;
	}

	private CommandResult notLanded(FlightMode mode) {
		return CommandResult.rejected(ResultCode.COMMAND_DENIED_NOT_LANDED,
				this.droneId + " is in the air (" + mode + "): LAND first");
	}

	private static CommandResult denied(String format, Object... args) {
		return CommandResult.rejected(ResultCode.COMMAND_DENIED, String.format(format, args));
	}

}
