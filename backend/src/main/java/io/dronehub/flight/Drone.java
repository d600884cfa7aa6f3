package io.dronehub.flight;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One simulated multicopter: its flight mode, the commands and failsafes that change it,
 * and its state for telemetry. The {@link Autopilot} flies the mode and reports what
 * ended it; the drone decides what every command, every {@link ModeEnd} and every alarm
 * of the {@link BatteryMonitor} or {@link LinkLossCountdown} means for its mode.
 * Positions are kept in metres north and east of home; latitude and longitude are derived
 * for telemetry.
 * <p>
 * Owned by the simulation thread: every method must be called on it. Command methods
 * return a {@link CommandResult} and change nothing when they reject; an accepted command
 * supersedes a geofence stop.
 */
public final class Drone {

	private final String id;

	private final LocalFrame frame;

	private final EventLog events;

	private final CommandRefusals refusals;

	private final Autopilot autopilot;

	private final BatteryMonitor battery;

	private final LinkLossCountdown linkLoss;

	private final double cruiseSpeed;

	private FlightMode mode = FlightMode.DISARMED;

	private @Nullable Failsafe failsafe;

	private @Nullable String pilot;

	/** How control may change hands; belongs to the pilot, so a new pilot clears it. */
	private @Nullable ControlStatus control;

	/** The uploaded mission and how far the drone is with it, or {@code null}. */
	private @Nullable MissionRun mission;

	private long seq;

	Drone(String id, LocalFrame frame, FlightProperties limits, BatteryModel batteryModel, EventLog events) {
		this.id = id;
		this.frame = frame;
		this.events = events;
		this.refusals = new CommandRefusals(id, limits);
		this.autopilot = new Autopilot(limits);
		this.battery = new BatteryMonitor(batteryModel, limits.battery());
		this.linkLoss = new LinkLossCountdown(limits.linkLossTimeout());
		this.cruiseSpeed = limits.cruiseSpeed();
	}

	/** The drone's id, e.g. {@code d1}. */
	public String id() {
		return this.id;
	}

	/** The drone's current flight mode. */
	public FlightMode mode() {
		return this.mode;
	}

	/** Arms the motors on the ground. */
	public CommandResult arm() {
		return unlessRefused(this.refusals.arm(this.mode, this.battery), () -> {
			this.failsafe = null;
			switchMode(FlightMode.ARMED, "armed");
		});
	}

	/** Disarms the motors; only on the ground. */
	public CommandResult disarm() {
		return unlessRefused(this.refusals.disarm(this.mode), () -> switchMode(FlightMode.DISARMED, "disarmed"));
	}

	/**
	 * Climbs vertically to an altitude, then holds.
	 * @param altitude metres above home
	 */
	public CommandResult takeoff(double altitude) {
		return unlessRefused(this.refusals.takeoff(this.mode, this.battery, altitude), () -> {
			this.autopilot.climbTo(altitude);
			switchMode(FlightMode.TAKEOFF, String.format("climbing to %.1f m", altitude));
		});
	}

	/** Stops and hovers where the drone comes to rest. */
	public CommandResult hold() {
		return unlessRefused(switchRefusal(FlightMode.HOLD), () -> brakeAndHold("hold requested"));
	}

	/** Descends where the drone is and disarms on touchdown. */
	public CommandResult land() {
		if (this.mode == FlightMode.LAND) {
			return CommandResult.ok();
		}
		return unlessRefused(switchRefusal(FlightMode.LAND), () -> startLanding("landing requested"));
	}

	/** Climbs to the return altitude, flies home and lands there. */
	public CommandResult returnToLaunch() {
		if (this.mode == FlightMode.RTL) {
			return CommandResult.ok();
		}
		return unlessRefused(switchRefusal(FlightMode.RTL), () -> startReturn("return to launch requested"));
	}

	/**
	 * Flies to a position, turning to face it.
	 * @param lat target latitude in degrees
	 * @param lon target longitude in degrees
	 * @param altitude target altitude above home in metres
	 */
	public CommandResult goTo(double lat, double lon, double altitude) {
		return startGoto(new Vector3(this.frame.northOf(lat), this.frame.eastOf(lon), altitude), true,
				String.format("flying to %.6f, %.6f at %.1f m", lat, lon, altitude));
	}

	/**
	 * Hops a distance in the drone's own frame, keeping its heading. The hop starts from
	 * where the drone is aiming (its hold point, or the target of a take-off, nudge or
	 * GOTO in progress), so "UP 10" twice climbs exactly 20 m.
	 * @param direction where to, relative to the nose
	 * @param distance how far, in metres
	 */
	public CommandResult nudge(Direction direction, double distance) {
		boolean aiming = this.mode == FlightMode.GOTO || this.mode == FlightMode.HOLD
				|| this.mode == FlightMode.TAKEOFF;
		return startGoto(this.autopilot.hop(direction, distance, aiming), false,
				String.format("nudge %s %.1f m", direction, distance));
	}

	/**
	 * Sets a velocity in the drone's own frame; values beyond the limits are clamped. The
	 * set-point lapses after {@code move-timeout} unless renewed, and the drone holds.
	 * @param forward m/s along the nose
	 * @param right m/s to the right of the nose
	 * @param up climb rate in m/s
	 * @param yawRate degrees per second, clockwise
	 */
	public CommandResult move(double forward, double right, double up, double yawRate) {
		return unlessRefused(switchRefusal(FlightMode.MANUAL), () -> {
			this.autopilot.follow(new MoveSetpoint(forward, right, up, yawRate));
			switchMode(FlightMode.MANUAL, "pilot flying with MOVE set-points");
		});
	}

	/**
	 * Keeps a mission for START: every item is checked, and the first one refused names
	 * the refusal. Replaces the mission kept before, unless the drone is flying that one.
	 * @param missionId the pilot's id for it
	 * @param items the waypoints, at least one
	 * @param finish what the drone does after the last waypoint
	 */
	public CommandResult uploadMission(String missionId, List<@Nullable MissionItem> items, MissionFinish finish) {
		if (this.mode == FlightMode.MISSION && this.mission != null) {
			return CommandResult.rejected(ResultCode.COMMAND_DENIED, this.id + " is flying mission "
					+ this.mission.mission().id() + ": PAUSE or CLEAR it before uploading another");
		}
		CommandResult refusal = this.refusals.mission(items, this.frame);
		if (refusal != null) {
			return refusal;
		}
		List<Mission.Waypoint> waypoints = new ArrayList<>(items.size());
		for (MissionItem item : items) {
			waypoints.add(new Mission.Waypoint(
					new Vector3(this.frame.northOf(item.lat()), this.frame.eastOf(item.lon()), item.altitude()),
					(item.speed() != null) ? item.speed() : this.cruiseSpeed,
					(item.holdS() != null) ? item.holdS() : 0));
		}
		this.mission = new MissionRun(new Mission(missionId, items, waypoints, finish));
		this.events.record(EventType.MISSION_UPLOADED, this.id, this.pilot,
				String.format("mission %s: %d waypoints, then %s", missionId, waypoints.size(), finish));
		return CommandResult.ok();
	}

	/**
	 * The uploaded mission as sent, and the progress with it.
	 * @return the plan, or {@code null} if there is none
	 */
	public @Nullable MissionPlan missionPlan() {
		MissionRun run = this.mission;
		return (run != null)
				? new MissionPlan(run.mission().id(), run.mission().items(), run.mission().finish(), run.status())
				: null;
	}

	/**
	 * Flies the uploaded mission from its first waypoint; on the ground it arms if it
	 * must and climbs to the first waypoint's altitude first.
	 */
	public CommandResult startMission() {
		return flyMission(0, EventType.MISSION_STARTED);
	}

	/** Goes on with a paused mission from the item it was interrupted at. */
	public CommandResult resumeMission() {
		MissionRun run = this.mission;
		if (run != null && run.state() != MissionState.PAUSED) {
			return CommandResult.rejected(ResultCode.COMMAND_DENIED, "mission " + run.mission().id() + " is "
					+ run.state() + ", not paused" + ((run.state() == MissionState.ACTIVE) ? "" : ": START flies it"));
		}
		return flyMission((run != null) ? run.current() : 0, EventType.MISSION_RESUMED);
	}

	/** Interrupts the mission being flown: the drone holds where it stops. */
	public CommandResult pauseMission() {
		if (this.mode != FlightMode.MISSION) {
			return CommandResult.rejected(ResultCode.COMMAND_DENIED, this.id + " is not flying a mission");
		}
		brakeAndHold("mission paused");
		return CommandResult.ok();
	}

	/** Forgets the mission; a drone flying it holds where it stops. */
	public CommandResult clearMission() {
		MissionRun run = this.mission;
		if (run == null) {
			return CommandResult.ok();
		}
		this.mission = null;
		if (this.mode == FlightMode.MISSION) {
			brakeAndHold("mission cleared");
		}
		this.events.record(EventType.MISSION_CLEARED, this.id, this.pilot,
				"mission " + run.mission().id() + " cleared");
		return CommandResult.ok();
	}

	/**
	 * Records who controls the drone; a pilot taking control cancels a pending link-loss
	 * return.
	 * @param name the pilot's name
	 */
	public void assignPilot(String name) {
		this.pilot = name;
		this.control = null;
		this.linkLoss.cancel();
		if (this.failsafe == Failsafe.LINK_LOST) {
			this.failsafe = null;
		}
	}

	/**
	 * Control passed from one pilot to another: the drone holds where it is, unless it is
	 * landing, returning or in a failsafe, so that it never flies on the old pilot's
	 * set-points, target or mission (which the new pilot may resume).
	 * @param name the new pilot's name
	 */
	public void handOverTo(String name) {
		assignPilot(name);
		if (this.failsafe == null && (this.mode == FlightMode.MANUAL || this.mode == FlightMode.GOTO
				|| this.mode == FlightMode.TAKEOFF || this.mode == FlightMode.MISSION)) {
			brakeAndHold("control handed over to " + name);
		}
	}

	/**
	 * Shows in the drone's telemetry how control may change hands: whether its pilot
	 * allows takeover, and the request that waits. Cleared whenever the pilot changes.
	 * @param status the status, or {@code null} while takeover is not allowed and nobody
	 * asks
	 */
	public void showControl(@Nullable ControlStatus status) {
		this.control = status;
	}

	/**
	 * The pilot gave up control deliberately: the drone finishes what it was doing, but
	 * never keeps flying on stale MOVE set-points.
	 */
	public void releasePilot() {
		this.pilot = null;
		this.control = null;
		if (this.mode == FlightMode.MANUAL) {
			brakeAndHold("pilot released control");
		}
	}

	/**
	 * The pilot's connection dropped: in the air the drone holds at once and returns to
	 * launch after {@code link-loss-timeout} unless a pilot takes control; on the ground
	 * it disarms.
	 */
	public void pilotLinkLost() {
		this.pilot = null;
		this.control = null;
		if (this.mode == FlightMode.ARMED) {
			switchMode(FlightMode.DISARMED, "pilot link lost on the ground");
			return;
		}
		if (!this.mode.airborne()) {
			return;
		}
		this.failsafe = Failsafe.LINK_LOST;
		if (this.mode == FlightMode.LAND || this.mode == FlightMode.RTL) {
			recordFailsafe("pilot link lost: continuing " + this.mode);
			return;
		}
		this.linkLoss.start();
		recordFailsafe(
				String.format("pilot link lost: holding, returning to launch in %.0f s unless a pilot takes control",
						this.linkLoss.timeoutSeconds()));
		brakeAndHold("pilot link lost");
	}

	/**
	 * Carries on from the last state another simulator published of this drone, for
	 * instance when a node of a cluster took it over: same position, velocity, heading,
	 * charge, failsafe and {@code seq}. On the ground it stays armed or disarmed; in the
	 * air it continues a landing or a return, and otherwise brakes and holds, since the
	 * target it flew to is not in the state. A pilot named in the state stays its pilot
	 * if {@code pilotStays}; otherwise the link-loss rules apply as if that pilot's
	 * connection had dropped.
	 * @param last the last state published of this drone
	 * @param why said in the mode-change event, e.g. which node took it over
	 * @param pilotStays whether the pilot named in the state keeps control
	 */
	void resumeFrom(DroneState last, String why, boolean pilotStays) {
		Vector3 position = new Vector3(this.frame.northOf(last.position().lat()),
				this.frame.eastOf(last.position().lon()), last.position().alt());
		Vector3 velocity = new Vector3(last.velocity().north(), last.velocity().east(), last.velocity().up());
		this.seq = last.seq();
		this.autopilot.resume(new Motion(position, velocity), last.heading());
		this.battery.resume(last.battery().percent(), last.mode().airborne());
		this.failsafe = last.failsafe();
		this.pilot = last.pilot();
		this.control = null;
		this.mission = null;
		this.linkLoss.cancel();
		this.mode = last.mode();
		switch (last.mode()) {
			case LAND -> startLanding(why);
			case RTL -> startReturn(why);
			case TAKEOFF, HOLD, GOTO, MANUAL, MISSION -> brakeAndHold(why);
			case ARMED, DISARMED -> {
			}
		}
		if (last.pilot() != null && !pilotStays) {
			pilotLinkLost();
		}
	}

	void step(double dtSeconds) {
		this.seq++;
		if (this.mode.airborne()) {
			endMode(this.autopilot.fly(this.mode, dtSeconds));
		}
		else {
			this.autopilot.standStill();
		}
		raiseBatteryFailsafe(this.battery.drain(this.mode, this.autopilot.motion(), dtSeconds));
		if (this.linkLoss.runsOut(dtSeconds)) {
			returnWithoutPilot();
		}
		if (this.mode == FlightMode.MISSION && this.mission != null && this.mission.hovering()
				&& this.mission.hovered(dtSeconds)) {
			nextWaypoint(this.mission);
		}
	}

	DroneState state(long timestamp) {
		Vector3 position = this.autopilot.motion().position();
		Vector3 velocity = this.autopilot.motion().velocity();
		return new DroneState(this.id, this.seq, timestamp, this.mode, this.mode != FlightMode.DISARMED,
				new Position(round(this.frame.latitudeOf(position.north()), 7),
						round(this.frame.longitudeOf(position.east()), 7), round(position.up(), 2)),
				new Velocity(round(velocity.north(), 2), round(velocity.east(), 2), round(velocity.up(), 2)),
				round(this.autopilot.motion().groundSpeed(), 2), round(this.autopilot.headingDegrees(), 1),
				new Battery(round(this.battery.percent(), 1), round(this.battery.voltage(), 2)), this.frame.origin(),
				this.pilot, this.failsafe, (this.mission != null) ? this.mission.status() : null, this.control);
	}

	private void endMode(@Nullable ModeEnd end) {
		if (end instanceof ModeEnd.Reached && this.mode == FlightMode.MISSION && this.mission != null) {
			waypointReached(this.mission);
		}
		else if (end instanceof ModeEnd.Reached reached) {
			this.autopilot.holdAtTarget();
			switchMode(FlightMode.HOLD, (this.mode == FlightMode.TAKEOFF)
					? String.format("reached %.1f m", reached.target().up()) : "arrived");
		}
		else if (end instanceof ModeEnd.MoveLapsed lapsed) {
			brakeAndHold(String.format("no MOVE set-point for %.1f s", lapsed.timeoutSeconds()));
		}
		else if (end instanceof ModeEnd.AtFence atFence) {
			raiseFailsafe(Failsafe.GEOFENCE, String.format("stopped at the geofence (%.0f m from home, %.0f m up)",
					atFence.position().horizontalLength(), atFence.position().up()));
			brakeAndHold("geofence");
		}
		else if (end instanceof ModeEnd.TouchedDown) {
			this.autopilot.touchDown();
			this.linkLoss.cancel();
			switchMode(FlightMode.DISARMED, "landed");
		}
	}

	private void raiseBatteryFailsafe(BatteryMonitor.Alarm alarm) {
		switch (alarm) {
			case EMPTY -> {
				raiseFailsafe(Failsafe.LOW_BATTERY,
						String.format("battery empty (%.1f%%): landing where it is", this.battery.percent()));
				if (this.mode != FlightMode.LAND) {
					startLanding("battery empty");
				}
			}
			case LOW -> {
				raiseFailsafe(Failsafe.LOW_BATTERY,
						String.format("battery low (%.1f%%): returning to launch", this.battery.percent()));
				if (this.mode != FlightMode.LAND && this.mode != FlightMode.RTL) {
					startReturn("battery low");
				}
			}
			case NONE -> {
			}
		}
	}

	/**
	 * Flies the mission from an item on, from the ground (arming first if it must) or
	 * from the air.
	 */
	private CommandResult flyMission(int from, EventType how) {
		MissionRun run = this.mission;
		if (run == null) {
			return CommandResult.rejected(ResultCode.COMMAND_DENIED, "no mission uploaded for " + this.id);
		}
		Mission.Waypoint first = run.mission().waypoints().get(from);
		boolean fromGround = !this.mode.airborne();
		CommandResult refusal = fromGround ? this.refusals.takeoff(FlightMode.ARMED, this.battery, first.point().up())
				: switchRefusal(FlightMode.MISSION);
		if (refusal == null && this.mode == FlightMode.DISARMED) {
			CommandResult armed = arm();
			refusal = armed.accepted() ? null : armed;
		}
		return unlessRefused(refusal, () -> {
			run.fly(from, fromGround);
			this.events.record(how, this.id, this.pilot, "mission " + run.mission().id() + " "
					+ ((how == EventType.MISSION_STARTED) ? "started" : "resumed") + " at " + run.itemOfTotal());
			flyToWaypoint(run);
		});
	}

	private void flyToWaypoint(MissionRun run) {
		Mission.Waypoint waypoint = run.waypoint();
		this.autopilot.flyLeg(waypoint.point(), waypoint.speed(), run.climbing());
		switchMode(FlightMode.MISSION,
				run.climbing()
						? String.format("mission %s: climbing to %.1f m", run.mission().id(), waypoint.point().up())
						: "mission " + run.mission().id() + ": flying to " + run.itemOfTotal());
	}

	private void waypointReached(MissionRun run) {
		if (run.climbing()) {
			run.climbed();
			flyToWaypoint(run);
			return;
		}
		this.events.record(EventType.MISSION_ITEM_REACHED, this.id, this.pilot,
				"mission " + run.mission().id() + ": reached " + run.itemOfTotal());
		if (run.reached()) {
			this.autopilot.hoverAtWaypoint();
		}
		else {
			nextWaypoint(run);
		}
	}

	private void nextWaypoint(MissionRun run) {
		if (run.advance()) {
			flyToWaypoint(run);
			return;
		}
		MissionFinish finish = run.mission().finish();
		String finished = "mission " + run.mission().id() + " finished";
		this.events.record(EventType.MISSION_FINISHED, this.id, this.pilot, finished + ": " + switch (finish) {
			case HOLD -> "holding at the last waypoint";
			case RTL -> "returning to launch";
			case LAND -> "landing at the last waypoint";
		});
		switch (finish) {
			case HOLD -> {
				this.autopilot.holdAtTarget();
				switchMode(FlightMode.HOLD, finished);
			}
			case RTL -> startReturn(finished);
			case LAND -> startLanding(finished);
		}
	}

	private void returnWithoutPilot() {
		if (this.mode.airborne() && this.mode != FlightMode.LAND && this.mode != FlightMode.RTL) {
			recordFailsafe(String.format("no pilot for %.0f s: returning to launch", this.linkLoss.timeoutSeconds()));
			startReturn("pilot link lost");
		}
	}

	private CommandResult startGoto(Vector3 destination, boolean faceTarget, String detail) {
		return unlessRefused(this.refusals.goTo(this.mode, this.battery, destination), () -> {
			this.autopilot.flyTo(destination, faceTarget);
			switchMode(FlightMode.GOTO, detail);
		});
	}

	private @Nullable CommandResult switchRefusal(FlightMode next) {
		return this.refusals.switchTo(this.mode, next, this.battery);
	}

	/**
	 * Carries out a command unless it was refused; a refused command changes nothing, an
	 * accepted one supersedes a geofence stop.
	 */
	private CommandResult unlessRefused(@Nullable CommandResult refusal, Runnable command) {
		if (refusal != null) {
			return refusal;
		}
		if (this.failsafe == Failsafe.GEOFENCE) {
			this.failsafe = null;
		}
		command.run();
		return CommandResult.ok();
	}

	private void brakeAndHold(String why) {
		this.autopilot.brake();
		switchMode(FlightMode.HOLD, why);
	}

	private void startLanding(String why) {
		this.autopilot.descendHere();
		switchMode(FlightMode.LAND, why);
	}

	private void startReturn(String why) {
		this.autopilot.returnHome();
		switchMode(FlightMode.RTL, why);
	}

	private void switchMode(FlightMode next, String why) {
		if (next != FlightMode.MANUAL) {
			this.autopilot.dropSetpoint();
		}
		if (next == this.mode) {
			return;
		}
		FlightMode previous = this.mode;
		this.mode = next;
		this.events.record(EventType.MODE_CHANGED, this.id, this.pilot, previous + " → " + next + ": " + why);
		MissionRun run = this.mission;
		if (previous == FlightMode.MISSION && run != null && run.state() == MissionState.ACTIVE) {
			run.pause();
			this.events.record(EventType.MISSION_PAUSED, this.id, this.pilot,
					"mission " + run.mission().id() + " paused at " + run.itemOfTotal() + ": " + why);
		}
	}

	private void raiseFailsafe(Failsafe raised, String detail) {
		this.failsafe = raised;
		recordFailsafe(detail);
	}

	private void recordFailsafe(String detail) {
		this.events.record(EventType.FAILSAFE, this.id, this.pilot, this.failsafe + ": " + detail);
	}

	private static double round(double value, int decimals) {
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

}
