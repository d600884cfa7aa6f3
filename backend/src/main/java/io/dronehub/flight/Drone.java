package io.dronehub.flight;

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

	private FlightMode mode = FlightMode.DISARMED;

	private @Nullable Failsafe failsafe;

	private @Nullable String pilot;

	/** How control may change hands; belongs to the pilot, so a new pilot clears it. */
	private @Nullable ControlStatus control;

	private long seq;

	Drone(String id, LocalFrame frame, FlightProperties limits, BatteryModel batteryModel, EventLog events) {
		this.id = id;
		this.frame = frame;
		this.events = events;
		this.refusals = new CommandRefusals(id, limits);
		this.autopilot = new Autopilot(limits);
		this.battery = new BatteryMonitor(batteryModel, limits.battery());
		this.linkLoss = new LinkLossCountdown(limits.linkLossTimeout());
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
	 * set-points or target.
	 * @param name the new pilot's name
	 */
	public void handOverTo(String name) {
		assignPilot(name);
		if (this.failsafe == null && (this.mode == FlightMode.MANUAL || this.mode == FlightMode.GOTO
				|| this.mode == FlightMode.TAKEOFF)) {
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
		this.linkLoss.cancel();
		this.mode = last.mode();
		switch (last.mode()) {
			case LAND -> startLanding(why);
			case RTL -> startReturn(why);
			case TAKEOFF, HOLD, GOTO, MANUAL -> brakeAndHold(why);
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
				this.pilot, this.failsafe, this.control);
	}

	private void endMode(@Nullable ModeEnd end) {
		if (end instanceof ModeEnd.Reached reached) {
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
