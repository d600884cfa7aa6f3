package io.dronehub.flight;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One simulated multicopter: its flight mode, motion, battery and failsafes. Positions
 * are kept in metres north and east of home; latitude and longitude are derived for
 * telemetry.
 * <p>
 * Owned by the simulation thread: every method must be called on it. Command methods
 * return a {@link CommandResult} and change nothing when they reject.
 */
public final class Drone {

	private final String id;

	private final LocalFrame frame;

	private final FlightProperties limits;

	private final EventLog events;

	private final CommandRefusals refusals;

	private final Guidance guidance;

	private final Geofence geofence;

	private final BatteryMonitor battery;

	private final LinkLossCountdown linkLoss;

	private FlightMode mode = FlightMode.DISARMED;

	private @Nullable Failsafe failsafe;

	private @Nullable String pilot;

	private long seq;

	private Motion motion = Motion.AT_REST_AT_HOME;

	private double headingDegrees;

	/** Where TAKEOFF, HOLD, GOTO and LAND aim; {@code null} in HOLD while braking. */
	private @Nullable Target target;

	private MoveSetpoint move = MoveSetpoint.NONE;

	private double moveAgeSeconds;

	private ReturnLeg returnLeg = new ReturnLeg.Climb();

	Drone(String id, LocalFrame frame, FlightProperties limits, BatteryModel batteryModel, EventLog events) {
		this.id = id;
		this.frame = frame;
		this.limits = limits;
		this.events = events;
		this.refusals = new CommandRefusals(id, limits);
		this.guidance = new Guidance(limits);
		this.geofence = new Geofence(limits);
		this.battery = new BatteryMonitor(batteryModel, limits.battery());
		this.linkLoss = new LinkLossCountdown(limits.linkLossTimeout());
	}

	/**
	 * The drone's id.
	 * @return e.g. {@code d1}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * The drone's current flight mode.
	 * @return the mode
	 */
	public FlightMode mode() {
		return this.mode;
	}

	// ---- pilot commands

	/**
	 * Arms the motors on the ground.
	 * @return the outcome
	 */
	public CommandResult arm() {
		return unlessRefused(this.refusals.arm(this.mode, this.battery), () -> {
			this.failsafe = null;
			switchMode(FlightMode.ARMED, "armed");
		});
	}

	/**
	 * Disarms the motors; only on the ground.
	 * @return the outcome
	 */
	public CommandResult disarm() {
		return unlessRefused(this.refusals.disarm(this.mode), () -> switchMode(FlightMode.DISARMED, "disarmed"));
	}

	/**
	 * Climbs vertically to an altitude, then holds.
	 * @param altitude metres above home
	 * @return the outcome
	 */
	public CommandResult takeoff(double altitude) {
		return unlessRefused(this.refusals.takeoff(this.mode, this.battery, altitude), () -> {
			this.target = new Target(this.motion.position().withUp(altitude), false);
			switchMode(FlightMode.TAKEOFF, String.format("climbing to %.1f m", altitude));
		});
	}

	/**
	 * Stops and hovers where the drone comes to rest.
	 * @return the outcome
	 */
	public CommandResult hold() {
		return unlessRefused(switchRefusal(FlightMode.HOLD), () -> {
			pilotTookOver();
			brakeAndHold("hold requested");
		});
	}

	/**
	 * Descends where the drone is and disarms on touchdown.
	 * @return the outcome
	 */
	public CommandResult land() {
		if (this.mode == FlightMode.LAND) {
			return CommandResult.ok();
		}
		return unlessRefused(switchRefusal(FlightMode.LAND), () -> {
			pilotTookOver();
			startLanding("landing requested");
		});
	}

	/**
	 * Climbs to the return altitude, flies home and lands there.
	 * @return the outcome
	 */
	public CommandResult returnToLaunch() {
		if (this.mode == FlightMode.RTL) {
			return CommandResult.ok();
		}
		return unlessRefused(switchRefusal(FlightMode.RTL), () -> {
			pilotTookOver();
			startReturn("return to launch requested");
		});
	}

	/**
	 * Flies to a position, turning to face it.
	 * @param lat target latitude in degrees
	 * @param lon target longitude in degrees
	 * @param altitude target altitude above home in metres
	 * @return the outcome
	 */
	public CommandResult goTo(double lat, double lon, double altitude) {
		return startGoto(new Target(new Vector3(this.frame.northOf(lat), this.frame.eastOf(lon), altitude), true),
				String.format("flying to %.6f, %.6f at %.1f m", lat, lon, altitude));
	}

	/**
	 * Hops a distance in the drone's own frame, keeping its heading. The hop starts from
	 * where the drone is aiming (its hold point, or the target of a nudge or GOTO in
	 * progress), so "UP 10" twice climbs exactly 20 m.
	 * @param direction where to, relative to the nose
	 * @param distance how far, in metres
	 * @return the outcome
	 */
	public CommandResult nudge(Direction direction, double distance) {
		boolean aiming = this.mode == FlightMode.GOTO || this.mode == FlightMode.HOLD;
		Vector3 base = (aiming && this.target != null) ? this.target.point() : this.motion.position();
		Vector3 hop = this.guidance.hop(direction, distance, this.headingDegrees);
		return startGoto(new Target(base.plus(hop), false), String.format("nudge %s %.1f m", direction, distance));
	}

	/**
	 * Sets a velocity in the drone's own frame; values beyond the limits are clamped. The
	 * set-point lapses after {@code move-timeout} unless renewed, and the drone holds.
	 * @param forward m/s along the nose
	 * @param right m/s to the right of the nose
	 * @param up climb rate in m/s
	 * @param yawRate degrees per second, clockwise
	 * @return the outcome
	 */
	public CommandResult move(double forward, double right, double up, double yawRate) {
		return unlessRefused(switchRefusal(FlightMode.MANUAL), () -> {
			this.move = this.guidance.limit(new MoveSetpoint(forward, right, up, yawRate));
			this.moveAgeSeconds = 0;
			pilotTookOver();
			switchMode(FlightMode.MANUAL, "pilot flying with MOVE set-points");
		});
	}

	// ---- control and link

	/**
	 * Records who controls the drone; a pilot taking control cancels a pending link-loss
	 * return.
	 * @param name the pilot's name
	 */
	public void assignPilot(String name) {
		this.pilot = name;
		this.linkLoss.cancel();
		if (this.failsafe == Failsafe.LINK_LOST) {
			this.failsafe = null;
		}
	}

	/**
	 * The pilot gave up control deliberately: the drone finishes what it was doing, but
	 * never keeps flying on stale MOVE set-points.
	 */
	public void releasePilot() {
		this.pilot = null;
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

	// ---- simulation

	void step(double dt) {
		this.seq++;
		if (this.mode.airborne()) {
			flyOneTick(dt);
		}
		else {
			this.motion = this.motion.stopped();
		}
		raiseBatteryFailsafe(this.battery.drain(this.mode, this.motion, dt));
		if (this.linkLoss.runsOut(dt)) {
			returnWithoutPilot();
		}
	}

	DroneState state(long timestamp) {
		Vector3 position = this.motion.position();
		Vector3 velocity = this.motion.velocity();
		return new DroneState(this.id, this.seq, timestamp, this.mode, this.mode != FlightMode.DISARMED,
				new Position(round(this.frame.latitudeOf(position.north()), 7),
						round(this.frame.longitudeOf(position.east()), 7), round(position.up(), 2)),
				new Velocity(round(velocity.north(), 2), round(velocity.east(), 2), round(velocity.up(), 2)),
				round(this.motion.groundSpeed(), 2), round(this.headingDegrees, 1),
				new Battery(round(this.battery.percent(), 1), round(this.battery.voltage(), 2)), this.frame.origin(),
				this.pilot, this.failsafe);
	}

	/**
	 * Flies the current mode for a tick: steers, applies the geofence, moves within the
	 * limits and touches down.
	 */
	private void flyOneTick(double dt) {
		Vector3 desired = steer(dt);
		if (this.mode == FlightMode.MANUAL) {
			Geofence.MoveLimit limit = this.geofence.limitMove(this.motion.position(), desired);
			if (limit instanceof Geofence.MoveLimit.Within within) {
				desired = within.velocity();
			}
			else {
				stopAtFence();
				desired = Vector3.ZERO;
			}
		}
		this.motion = this.motion.accelerateTowards(desired, this.limits, dt).advance(dt);
		if (this.mode == FlightMode.MANUAL) {
			this.headingDegrees = this.guidance.manualHeading(this.move, this.headingDegrees, dt);
		}
		if (this.geofence.contain(this.motion) instanceof Geofence.Containment.Breached breach) {
			this.motion = breach.motion();
			if (this.mode != FlightMode.HOLD) {
				stopAtFence();
			}
		}
		if (this.motion.position().up() <= 0) {
			this.motion = this.motion.onGround();
			if (this.mode == FlightMode.LAND
					|| (this.mode == FlightMode.RTL && this.returnLeg instanceof ReturnLeg.Descend)) {
				touchDown();
			}
		}
	}

	/**
	 * The velocity the current mode asks for. TAKEOFF and GOTO end here on arrival and
	 * MANUAL when its set-point lapses; RTL moves on to its next leg.
	 */
	private Vector3 steer(double dt) {
		Vector3 position = this.motion.position();
		return switch (this.mode) {
			case TAKEOFF -> {
				Target takeoff = currentTarget();
				if (this.guidance.arrived(this.motion, takeoff.point())) {
					this.target = takeoff.asHoldPoint();
					switchMode(FlightMode.HOLD, String.format("reached %.1f m", takeoff.point().up()));
					yield Vector3.ZERO;
				}
				yield this.guidance.towards(position, takeoff.point(), this.limits.takeoffClimbRate());
			}
			case HOLD -> {
				if (this.target == null) {
					if (this.guidance.atRest(this.motion)) {
						this.target = new Target(position, false);
					}
					yield Vector3.ZERO;
				}
				yield this.guidance.towards(position, this.target.point(), this.limits.maxClimbRate());
			}
			case GOTO -> {
				Target destination = currentTarget();
				if (this.guidance.arrived(this.motion, destination.point())) {
					this.target = destination.asHoldPoint();
					switchMode(FlightMode.HOLD, "arrived");
					yield Vector3.ZERO;
				}
				if (destination.faceTarget()) {
					this.headingDegrees = this.guidance.turnedTowards(this.headingDegrees, position,
							destination.point(), dt);
				}
				yield this.guidance.towards(position, destination.point(), this.limits.maxClimbRate());
			}
			case MANUAL -> {
				this.moveAgeSeconds += dt;
				if (this.moveAgeSeconds > seconds(this.limits.moveTimeout())) {
					brakeAndHold(String.format("no MOVE set-point for %.1f s", seconds(this.limits.moveTimeout())));
					yield Vector3.ZERO;
				}
				yield this.guidance.manualVelocity(this.move, this.headingDegrees);
			}
			case LAND -> this.guidance.descentTowards(position, currentTarget().point());
			case RTL -> {
				this.returnLeg = this.guidance.returnLeg(this.returnLeg, this.motion);
				if (this.returnLeg instanceof ReturnLeg.Cruise cruise) {
					this.headingDegrees = this.guidance.turnedTowards(this.headingDegrees, position, cruise.aboveHome(),
							dt);
				}
				yield this.guidance.returnVelocity(this.returnLeg, position);
			}
			case DISARMED, ARMED -> Vector3.ZERO;
		};
	}

	private void stopAtFence() {
		this.failsafe = Failsafe.GEOFENCE;
		recordFailsafe(String.format("stopped at the geofence (%.0f m from home, %.0f m up)",
				this.motion.position().horizontalLength(), this.motion.position().up()));
		brakeAndHold("geofence");
	}

	private void raiseBatteryFailsafe(BatteryMonitor.Alarm alarm) {
		switch (alarm) {
			case EMPTY -> {
				this.failsafe = Failsafe.LOW_BATTERY;
				recordFailsafe(String.format("battery empty (%.1f%%): landing where it is", this.battery.percent()));
				if (this.mode != FlightMode.LAND) {
					startLanding("battery empty");
				}
			}
			case LOW -> {
				this.failsafe = Failsafe.LOW_BATTERY;
				recordFailsafe(String.format("battery low (%.1f%%): returning to launch", this.battery.percent()));
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

	private CommandResult startGoto(Target destination, String detail) {
		return unlessRefused(this.refusals.goTo(this.mode, this.battery, destination.point()), () -> {
			pilotTookOver();
			this.target = destination;
			switchMode(FlightMode.GOTO, detail);
		});
	}

	private @Nullable CommandResult switchRefusal(FlightMode next) {
		return this.refusals.switchTo(this.mode, next, this.battery);
	}

	/** Carries out a command unless it was refused; a refused command changes nothing. */
	private CommandResult unlessRefused(@Nullable CommandResult refusal, Runnable command) {
		if (refusal != null) {
			return refusal;
		}
		command.run();
		return CommandResult.ok();
	}

	/** A pilot's accepted command supersedes a geofence stop. */
	private void pilotTookOver() {
		if (this.failsafe == Failsafe.GEOFENCE) {
			this.failsafe = null;
		}
	}

	/**
	 * Switches to HOLD without a hold point: the drone brakes and holds where it comes to
	 * rest.
	 */
	private void brakeAndHold(String why) {
		this.target = null;
		switchMode(FlightMode.HOLD, why);
	}

	private void startLanding(String why) {
		this.target = new Target(this.motion.position().withUp(0), false);
		switchMode(FlightMode.LAND, why);
	}

	private void startReturn(String why) {
		this.returnLeg = new ReturnLeg.Climb();
		switchMode(FlightMode.RTL, why);
	}

	private void touchDown() {
		this.motion = this.motion.stopped();
		this.target = null;
		this.linkLoss.cancel();
		switchMode(FlightMode.DISARMED, "landed");
	}

	/**
	 * The target of TAKEOFF, GOTO or LAND: every switch to those modes sets one, and only
	 * a switch to HOLD or DISARMED clears it.
	 */
	private Target currentTarget() {
		return Objects.requireNonNull(this.target, () -> this.mode + " without a target");
	}

	private void switchMode(FlightMode next, String why) {
		if (next != FlightMode.MANUAL) {
			this.move = MoveSetpoint.NONE;
		}
		if (next == this.mode) {
			return;
		}
		FlightMode previous = this.mode;
		this.mode = next;
		this.events.record(EventType.MODE_CHANGED, this.id, this.pilot, previous + " → " + next + ": " + why);
	}

	private void recordFailsafe(String detail) {
		this.events.record(EventType.FAILSAFE, this.id, this.pilot, this.failsafe + ": " + detail);
	}

	private static double round(double value, int decimals) {
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

	/** Where guidance aims, in metres north and east of home and above it. */
	private record Target(Vector3 point, boolean faceTarget) {

		Target asHoldPoint() {
			return new Target(this.point, false);
		}

	}

}
