package io.dronehub.flight;

import java.time.Duration;

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

	private static final double ARRIVAL_HORIZONTAL_METERS = 0.3;

	private static final double ARRIVAL_VERTICAL_METERS = 0.1;

	private static final double SETTLED_SPEED = 0.3;

	private static final double POSITION_GAIN = 1.0;

	private static final double HOME_REACHED_METERS = 1.0;

	private static final double FAST_DESCENT_ABOVE_METERS = 10;

	private static final double FENCE_MARGIN_METERS = 0.5;

	private static final double FENCE_STOP_METERS = 1.0;

	private final String id;

	private final LocalFrame frame;

	private final FlightProperties limits;

	private final BatteryModel batteryModel;

	private final EventLog events;

	private FlightMode mode = FlightMode.DISARMED;

	private @Nullable Failsafe failsafe;

	private @Nullable String pilot;

	private long seq;

	private double north;

	private double east;

	private double alt;

	private double velocityNorth;

	private double velocityEast;

	private double velocityUp;

	private double heading;

	private double batteryPercent = 100;

	private boolean lowBatteryHandled;

	private boolean batteryEmpty;

	/** Where TAKEOFF, HOLD, GOTO and LAND aim; {@code null} in HOLD while braking. */
	private @Nullable Target target;

	private MoveSetpoint move = MoveSetpoint.NONE;

	private double moveAgeSeconds;

	private RtlPhase rtlPhase = RtlPhase.CLIMB;

	private double rtlCruiseAltitude;

	private double linkLossSecondsLeft = Double.NaN;

	Drone(String id, LocalFrame frame, FlightProperties limits, BatteryModel batteryModel, EventLog events) {
		this.id = id;
		this.frame = frame;
		this.limits = limits;
		this.batteryModel = batteryModel;
		this.events = events;
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
		if (this.mode == FlightMode.ARMED) {
			return denied(this.id + " is already armed");
		}
		CommandResult denial = denial(FlightMode.ARMED);
		if (denial != null) {
			return denial;
		}
		if (this.batteryPercent <= this.limits.battery().lowPercent()) {
			return denied("battery of %s is at %.0f%%, below the %.0f%% needed to arm", this.id, this.batteryPercent,
					this.limits.battery().lowPercent());
		}
		this.failsafe = null;
		switchMode(FlightMode.ARMED, "armed");
		return CommandResult.ok();
	}

	/**
	 * Disarms the motors; only on the ground.
	 * @return the outcome
	 */
	public CommandResult disarm() {
		if (this.mode == FlightMode.DISARMED) {
			return denied(this.id + " is already disarmed");
		}
		if (this.mode.airborne()) {
			return CommandResult.rejected(ResultCode.COMMAND_DENIED_NOT_LANDED,
					this.id + " is in the air (" + this.mode + "): LAND first");
		}
		switchMode(FlightMode.DISARMED, "disarmed");
		return CommandResult.ok();
	}

	/**
	 * Climbs vertically to an altitude, then holds.
	 * @param altitude metres above home
	 * @return the outcome
	 */
	public CommandResult takeoff(double altitude) {
		if (this.mode.airborne()) {
			return denied("%s is already in the air (%s)", this.id, this.mode);
		}
		CommandResult denial = denial(FlightMode.TAKEOFF);
		if (denial == null) {
			denial = altitudeDenial("altitude", altitude);
		}
		if (denial == null && this.batteryPercent <= this.limits.battery().lowPercent()) {
			denial = denied("battery of %s is at %.0f%%: too low to take off", this.id, this.batteryPercent);
		}
		if (denial != null) {
			return denial;
		}
		this.target = new Target(this.north, this.east, altitude, false);
		switchMode(FlightMode.TAKEOFF, String.format("climbing to %.1f m", altitude));
		return CommandResult.ok();
	}

	/**
	 * Stops and hovers where the drone comes to rest.
	 * @return the outcome
	 */
	public CommandResult hold() {
		CommandResult denial = denial(FlightMode.HOLD);
		if (denial != null) {
			return denial;
		}
		pilotTookOver();
		this.target = null;
		switchMode(FlightMode.HOLD, "hold requested");
		return CommandResult.ok();
	}

	/**
	 * Descends where the drone is and disarms on touchdown.
	 * @return the outcome
	 */
	public CommandResult land() {
		if (this.mode == FlightMode.LAND) {
			return CommandResult.ok();
		}
		CommandResult denial = denial(FlightMode.LAND);
		if (denial != null) {
			return denial;
		}
		pilotTookOver();
		startLanding("landing requested");
		return CommandResult.ok();
	}

	/**
	 * Climbs to the return altitude, flies home and lands there.
	 * @return the outcome
	 */
	public CommandResult returnToLaunch() {
		if (this.mode == FlightMode.RTL) {
			return CommandResult.ok();
		}
		CommandResult denial = denial(FlightMode.RTL);
		if (denial != null) {
			return denial;
		}
		pilotTookOver();
		startReturn("return to launch requested");
		return CommandResult.ok();
	}

	/**
	 * Flies to a position, turning to face it.
	 * @param lat target latitude in degrees
	 * @param lon target longitude in degrees
	 * @param altitude target altitude above home in metres
	 * @return the outcome
	 */
	public CommandResult goTo(double lat, double lon, double altitude) {
		return fly(new Target(this.frame.northOf(lat), this.frame.eastOf(lon), altitude, true),
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
		Target base = (aiming && this.target != null) ? this.target
				: new Target(this.north, this.east, this.alt, false);
		double rad = Math.toRadians(this.heading);
		double forwardNorth = Math.cos(rad);
		double forwardEast = Math.sin(rad);
		Target hop = switch (direction) {
			case UP -> base.offset(0, 0, distance);
			case DOWN -> base.offset(0, 0, -distance);
			case FORWARD -> base.offset(forwardNorth * distance, forwardEast * distance, 0);
			case BACK -> base.offset(-forwardNorth * distance, -forwardEast * distance, 0);
			case RIGHT -> base.offset(-forwardEast * distance, forwardNorth * distance, 0);
			case LEFT -> base.offset(forwardEast * distance, -forwardNorth * distance, 0);
		};
		return fly(hop, String.format("nudge %s %.1f m", direction, distance));
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
		CommandResult denial = denial(FlightMode.MANUAL);
		if (denial != null) {
			return denial;
		}
		double horizontal = Math.hypot(forward, right);
		double scale = (horizontal > this.limits.maxHorizontalSpeed()) ? this.limits.maxHorizontalSpeed() / horizontal
				: 1;
		this.move = new MoveSetpoint(forward * scale, right * scale,
				clamp(up, -this.limits.maxDescentRate(), this.limits.maxClimbRate()),
				clamp(yawRate, -this.limits.maxYawRate(), this.limits.maxYawRate()));
		this.moveAgeSeconds = 0;
		pilotTookOver();
		switchMode(FlightMode.MANUAL, "pilot flying with MOVE set-points");
		return CommandResult.ok();
	}

	// ---- control and link

	/**
	 * Records who controls the drone; a pilot taking control cancels a pending link-loss
	 * return.
	 * @param name the pilot's name
	 */
	public void assignPilot(String name) {
		this.pilot = name;
		this.linkLossSecondsLeft = Double.NaN;
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
			this.target = null;
			switchMode(FlightMode.HOLD, "pilot released control");
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
			failsafeEvent("pilot link lost: continuing " + this.mode);
			return;
		}
		this.linkLossSecondsLeft = seconds(this.limits.linkLossTimeout());
		failsafeEvent(
				String.format("pilot link lost: holding, returning to launch in %.0f s unless a pilot takes control",
						this.linkLossSecondsLeft));
		this.target = null;
		switchMode(FlightMode.HOLD, "pilot link lost");
	}

	// ---- simulation

	void step(double dt) {
		this.seq++;
		if (this.mode.airborne()) {
			fly(dt);
		}
		else {
			this.velocityNorth = 0;
			this.velocityEast = 0;
			this.velocityUp = 0;
		}
		this.batteryPercent = this.batteryModel.next(this.batteryPercent, this.mode, groundSpeed(), this.velocityUp,
				dt);
		checkBattery();
		checkLinkLoss(dt);
	}

	DroneState state(long timestamp) {
		return new DroneState(this.id, this.seq, timestamp, this.mode, this.mode != FlightMode.DISARMED,
				new Position(round(this.frame.latitudeOf(this.north), 7), round(this.frame.longitudeOf(this.east), 7),
						round(this.alt, 2)),
				new Velocity(round(this.velocityNorth, 2), round(this.velocityEast, 2), round(this.velocityUp, 2)),
				round(groundSpeed(), 2), round(this.heading, 1),
				new Battery(round(this.batteryPercent, 1), round(this.batteryModel.voltage(this.batteryPercent), 2)),
				this.frame.origin(), this.pilot, this.failsafe);
	}

	private void fly(double dt) {
		double[] desired = desiredVelocity(dt);
		if (this.mode == FlightMode.MANUAL) {
			limitAtFence(desired);
			if (this.mode != FlightMode.MANUAL) {
				desired = new double[3];
			}
		}
		accelerateTowards(desired, dt);
		this.north += this.velocityNorth * dt;
		this.east += this.velocityEast * dt;
		this.alt += this.velocityUp * dt;
		if (this.mode == FlightMode.MANUAL) {
			this.heading = normalizeHeading(this.heading + this.move.yawRate() * dt);
		}
		enforceFence();
		if (this.alt <= 0) {
			this.alt = 0;
			this.velocityUp = Math.max(0, this.velocityUp);
			if (this.mode == FlightMode.LAND || (this.mode == FlightMode.RTL && this.rtlPhase == RtlPhase.DESCEND)) {
				touchDown();
			}
		}
	}

	private double[] desiredVelocity(double dt) {
		return switch (this.mode) {
			case TAKEOFF -> {
				Target takeoff = requireTarget();
				if (arrived(takeoff)) {
					this.target = takeoff.asHoldPoint();
					switchMode(FlightMode.HOLD, String.format("reached %.1f m", takeoff.alt()));
					yield new double[3];
				}
				yield towards(takeoff, this.limits.cruiseSpeed(), this.limits.takeoffClimbRate());
			}
			case HOLD -> {
				if (this.target == null) {
					if (groundSpeed() < 0.1 && Math.abs(this.velocityUp) < 0.1) {
						holdHere();
					}
					yield new double[3];
				}
				yield towards(this.target, this.limits.cruiseSpeed(), this.limits.maxClimbRate());
			}
			case GOTO -> {
				Target destination = requireTarget();
				if (arrived(destination)) {
					this.target = destination.asHoldPoint();
					switchMode(FlightMode.HOLD, "arrived");
					yield new double[3];
				}
				if (destination.faceTarget()) {
					turnTowards(destination, dt);
				}
				yield towards(destination, this.limits.cruiseSpeed(), this.limits.maxClimbRate());
			}
			case MANUAL -> {
				this.moveAgeSeconds += dt;
				if (this.moveAgeSeconds > seconds(this.limits.moveTimeout())) {
					this.target = null;
					switchMode(FlightMode.HOLD,
							String.format("no MOVE set-point for %.1f s", seconds(this.limits.moveTimeout())));
					yield new double[3];
				}
				double rad = Math.toRadians(this.heading);
				double cos = Math.cos(rad);
				double sin = Math.sin(rad);
				yield new double[] { this.move.forward() * cos - this.move.right() * sin,
						this.move.forward() * sin + this.move.right() * cos, this.move.up() };
			}
			case LAND -> descendTowards(requireTarget());
			case RTL -> returnVelocity(dt);
			case DISARMED, ARMED -> new double[3];
		};
	}

	private double[] returnVelocity(double dt) {
		Target home = new Target(0, 0, this.rtlCruiseAltitude, true);
		if (this.rtlPhase == RtlPhase.CLIMB) {
			if (this.alt < this.limits.returnAltitude() - ARRIVAL_VERTICAL_METERS) {
				return towards(new Target(this.north, this.east, this.limits.returnAltitude(), false),
						this.limits.cruiseSpeed(), this.limits.maxClimbRate());
			}
			this.rtlCruiseAltitude = Math.max(this.alt, this.limits.returnAltitude());
			this.rtlPhase = RtlPhase.RETURN;
			home = new Target(0, 0, this.rtlCruiseAltitude, true);
		}
		if (this.rtlPhase == RtlPhase.RETURN) {
			if (Math.hypot(this.north, this.east) > HOME_REACHED_METERS || groundSpeed() > SETTLED_SPEED) {
				turnTowards(home, dt);
				return towards(home, this.limits.cruiseSpeed(), this.limits.maxClimbRate());
			}
			this.rtlPhase = RtlPhase.DESCEND;
		}
		return descendTowards(new Target(0, 0, 0, false));
	}

	private double[] descendTowards(Target spot) {
		double[] velocity = towards(new Target(spot.north(), spot.east(), this.alt, false), this.limits.cruiseSpeed(),
				this.limits.maxClimbRate());
		velocity[2] = -((this.alt > FAST_DESCENT_ABOVE_METERS) ? this.limits.maxDescentRate()
				: this.limits.landingDescentRate());
		return velocity;
	}

	/**
	 * A velocity towards a target that brakes in time to stop on it: the speed is limited
	 * by {@code sqrt(2·a·distance)} and, close in, by a proportional gain.
	 */
	private double[] towards(Target to, double maxHorizontalSpeed, double maxClimbRate) {
		double dNorth = to.north() - this.north;
		double dEast = to.east() - this.east;
		double distance = Math.hypot(dNorth, dEast);
		double speed = Math.min(maxHorizontalSpeed,
				Math.min(Math.sqrt(2 * this.limits.horizontalAcceleration() * distance), POSITION_GAIN * distance));
		double dUp = to.alt() - this.alt;
		double verticalLimit = (dUp > 0) ? maxClimbRate : this.limits.maxDescentRate();
		double climb = Math.signum(dUp) * Math.min(verticalLimit, Math
			.min(Math.sqrt(2 * this.limits.verticalAcceleration() * Math.abs(dUp)), POSITION_GAIN * Math.abs(dUp)));
		return (distance < 1e-9) ? new double[] { 0, 0, climb }
				: new double[] { dNorth / distance * speed, dEast / distance * speed, climb };
	}

	private void accelerateTowards(double[] desired, double dt) {
		double dvNorth = desired[0] - this.velocityNorth;
		double dvEast = desired[1] - this.velocityEast;
		double dv = Math.hypot(dvNorth, dvEast);
		double maxDv = this.limits.horizontalAcceleration() * dt;
		double scale = (dv > maxDv) ? maxDv / dv : 1;
		this.velocityNorth += dvNorth * scale;
		this.velocityEast += dvEast * scale;
		double maxDvUp = this.limits.verticalAcceleration() * dt;
		this.velocityUp += clamp(desired[2] - this.velocityUp, -maxDvUp, maxDvUp);
		double speed = groundSpeed();
		if (speed > this.limits.maxHorizontalSpeed()) {
			this.velocityNorth *= this.limits.maxHorizontalSpeed() / speed;
			this.velocityEast *= this.limits.maxHorizontalSpeed() / speed;
		}
		this.velocityUp = clamp(this.velocityUp, -this.limits.maxDescentRate(), this.limits.maxClimbRate());
	}

	/**
	 * Under MOVE, slows the outward part of the set-point so the drone can stop at the
	 * fence, and holds with {@link Failsafe#GEOFENCE} when the pilot pushes against it.
	 */
	private void limitAtFence(double[] desired) {
		FlightProperties.Geofence fence = this.limits.geofence();
		double radius = Math.hypot(this.north, this.east);
		boolean pushingOut = false;
		if (radius > 1e-9) {
			double outNorth = this.north / radius;
			double outEast = this.east / radius;
			double outward = desired[0] * outNorth + desired[1] * outEast;
			double room = fence.radius() - FENCE_MARGIN_METERS - radius;
			double allowed = Math.sqrt(2 * this.limits.horizontalAcceleration() * Math.max(0, room));
			if (outward > allowed) {
				desired[0] -= (outward - allowed) * outNorth;
				desired[1] -= (outward - allowed) * outEast;
			}
			pushingOut = outward > 0.1 && room < FENCE_STOP_METERS;
		}
		double headroom = fence.maxAltitude() - FENCE_MARGIN_METERS - this.alt;
		desired[2] = Math.min(desired[2], Math.sqrt(2 * this.limits.verticalAcceleration() * Math.max(0, headroom)));
		pushingOut |= this.move.up() > 0.1 && headroom < FENCE_STOP_METERS;
		if (pushingOut) {
			stopAtFence();
		}
	}

	/** A backstop for every mode: never leave the cylinder. */
	private void enforceFence() {
		FlightProperties.Geofence fence = this.limits.geofence();
		double radius = Math.hypot(this.north, this.east);
		boolean breached = false;
		if (radius > fence.radius()) {
			this.north *= fence.radius() / radius;
			this.east *= fence.radius() / radius;
			this.velocityNorth = 0;
			this.velocityEast = 0;
			breached = true;
		}
		if (this.alt > fence.maxAltitude()) {
			this.alt = fence.maxAltitude();
			this.velocityUp = Math.min(0, this.velocityUp);
			breached = true;
		}
		if (breached && this.mode != FlightMode.HOLD) {
			stopAtFence();
		}
	}

	private void stopAtFence() {
		this.failsafe = Failsafe.GEOFENCE;
		failsafeEvent(String.format("stopped at the geofence (%.0f m from home, %.0f m up)",
				Math.hypot(this.north, this.east), this.alt));
		this.target = null;
		switchMode(FlightMode.HOLD, "geofence");
	}

	private void checkBattery() {
		FlightProperties.BatterySettings battery = this.limits.battery();
		if (!this.mode.airborne()) {
			this.lowBatteryHandled &= this.batteryPercent <= battery.lowPercent();
			this.batteryEmpty &= this.batteryPercent <= battery.emptyPercent();
			return;
		}
		if (!this.batteryEmpty && this.batteryPercent <= battery.emptyPercent()) {
			this.batteryEmpty = true;
			this.lowBatteryHandled = true;
			this.failsafe = Failsafe.LOW_BATTERY;
			failsafeEvent(String.format("battery empty (%.1f%%): landing where it is", this.batteryPercent));
			if (this.mode != FlightMode.LAND) {
				startLanding("battery empty");
			}
		}
		else if (!this.lowBatteryHandled && this.batteryPercent <= battery.lowPercent()) {
			this.lowBatteryHandled = true;
			this.failsafe = Failsafe.LOW_BATTERY;
			failsafeEvent(String.format("battery low (%.1f%%): returning to launch", this.batteryPercent));
			if (this.mode != FlightMode.LAND && this.mode != FlightMode.RTL) {
				startReturn("battery low");
			}
		}
	}

	private void checkLinkLoss(double dt) {
		if (Double.isNaN(this.linkLossSecondsLeft)) {
			return;
		}
		this.linkLossSecondsLeft -= dt;
		if (this.linkLossSecondsLeft > 1e-9) {
			return;
		}
		this.linkLossSecondsLeft = Double.NaN;
		if (this.mode.airborne() && this.mode != FlightMode.LAND && this.mode != FlightMode.RTL) {
			failsafeEvent(
					String.format("no pilot for %.0f s: returning to launch", seconds(this.limits.linkLossTimeout())));
			startReturn("pilot link lost");
		}
	}

	private CommandResult fly(Target destination, String detail) {
		CommandResult denial = denial(FlightMode.GOTO);
		if (denial == null) {
			denial = altitudeDenial("altitude", destination.alt());
		}
		if (denial == null) {
			double distance = Math.hypot(destination.north(), destination.east());
			if (distance > this.limits.geofence().radius()) {
				denial = CommandResult.rejected(ResultCode.GEOFENCE,
						String.format("target is %.0f m from home, outside the %.0f m geofence", distance,
								this.limits.geofence().radius()));
			}
		}
		if (denial != null) {
			return denial;
		}
		pilotTookOver();
		this.target = destination;
		switchMode(FlightMode.GOTO, detail);
		return CommandResult.ok();
	}

	private @Nullable CommandResult altitudeDenial(String field, double altitude) {
		if (altitude < this.limits.minAltitude()) {
			return CommandResult.rejected(ResultCode.OUT_OF_RANGE,
					String.format("%s %.1f m is below the %.1f m minimum (use LAND to descend to the ground)", field,
							altitude, this.limits.minAltitude()));
		}
		if (altitude > this.limits.geofence().maxAltitude()) {
			return CommandResult.rejected(ResultCode.GEOFENCE,
					String.format("%s %.1f m is above the geofence ceiling of %.0f m", field, altitude,
							this.limits.geofence().maxAltitude()));
		}
		return null;
	}

	/**
	 * Why a pilot may not switch to {@code next} now, or {@code null} if the transition
	 * table and the battery allow it.
	 */
	private @Nullable CommandResult denial(FlightMode next) {
		if (this.batteryEmpty && this.mode.airborne() && next != FlightMode.LAND) {
			return denied("battery of %s is empty: it is landing", this.id);
		}
		if (this.mode.canSwitchTo(next)) {
			return null;
		}
		if (this.mode == FlightMode.DISARMED) {
			return denied((next == FlightMode.TAKEOFF) ? "%s is disarmed: ARM first"
					: "%s is on the ground and disarmed: ARM and TAKEOFF first", this.id);
		}
		if (!this.mode.airborne()) {
			return denied("%s is on the ground: TAKEOFF first", this.id);
		}
		if (!next.airborne()) {
			return CommandResult.rejected(ResultCode.COMMAND_DENIED_NOT_LANDED,
					this.id + " is in the air (" + this.mode + "): LAND first");
		}
		return denied("%s cannot switch from %s to %s", this.id, this.mode, next);
	}

	/** A pilot's accepted command supersedes a geofence stop. */
	private void pilotTookOver() {
		if (this.failsafe == Failsafe.GEOFENCE) {
			this.failsafe = null;
		}
	}

	private void startLanding(String why) {
		this.target = new Target(this.north, this.east, 0, false);
		switchMode(FlightMode.LAND, why);
	}

	private void startReturn(String why) {
		this.rtlPhase = RtlPhase.CLIMB;
		this.rtlCruiseAltitude = this.limits.returnAltitude();
		switchMode(FlightMode.RTL, why);
	}

	private void touchDown() {
		this.velocityNorth = 0;
		this.velocityEast = 0;
		this.velocityUp = 0;
		this.target = null;
		this.linkLossSecondsLeft = Double.NaN;
		switchMode(FlightMode.DISARMED, "landed");
	}

	private void holdHere() {
		this.target = new Target(this.north, this.east, this.alt, false);
	}

	private boolean arrived(Target to) {
		return Math.hypot(to.north() - this.north, to.east() - this.east) < ARRIVAL_HORIZONTAL_METERS
				&& Math.abs(to.alt() - this.alt) < ARRIVAL_VERTICAL_METERS && groundSpeed() < SETTLED_SPEED
				&& Math.abs(this.velocityUp) < SETTLED_SPEED;
	}

	private void turnTowards(Target to, double dt) {
		double dNorth = to.north() - this.north;
		double dEast = to.east() - this.east;
		if (Math.hypot(dNorth, dEast) < HOME_REACHED_METERS) {
			return;
		}
		double bearing = Math.toDegrees(Math.atan2(dEast, dNorth));
		double error = normalizeHeading(bearing - this.heading + 180) - 180;
		double maxTurn = this.limits.maxYawRate() * dt;
		this.heading = normalizeHeading(this.heading + clamp(error, -maxTurn, maxTurn));
	}

	private Target requireTarget() {
		if (this.target == null) {
			holdHere();
		}
		return this.target;
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

	private void failsafeEvent(String detail) {
		this.events.record(EventType.FAILSAFE, this.id, this.pilot, this.failsafe + ": " + detail);
	}

	private double groundSpeed() {
		return Math.hypot(this.velocityNorth, this.velocityEast);
	}

	private static CommandResult denied(String format, Object... args) {
		return CommandResult.rejected(ResultCode.COMMAND_DENIED, String.format(format, args));
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

	private static double normalizeHeading(double degrees) {
		double normalized = degrees % 360;
		return (normalized < 0) ? normalized + 360 : normalized;
	}

	private static double round(double value, int decimals) {
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

	/** Where guidance aims, in metres north and east of home and above it. */
	private record Target(double north, double east, double alt, boolean faceTarget) {

		Target asHoldPoint() {
			return new Target(this.north, this.east, this.alt, false);
		}

		Target offset(double dNorth, double dEast, double dUp) {
			return new Target(this.north + dNorth, this.east + dEast, this.alt + dUp, false);
		}

	}

	/** A pilot's velocity set-point in the drone's frame. */
	private record MoveSetpoint(double forward, double right, double up, double yawRate) {

		static final MoveSetpoint NONE = new MoveSetpoint(0, 0, 0, 0);

	}

	/** The legs of a return to launch. */
	private enum RtlPhase {

		CLIMB, RETURN, DESCEND

	}

}
