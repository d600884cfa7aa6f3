package io.dronehub.flight;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Flies a drone in its flight mode one tick at a time: steers with {@link Guidance}
 * towards what the mode aims at, keeps MOVE inside the {@link Geofence}, moves within the
 * limits, and puts the drone back inside the fence and onto the ground. It reports what
 * ended the mode as a {@link ModeEnd} and leaves the switch, and any failsafe, to
 * {@link Drone}.
 * <p>
 * Owned by the simulation thread.
 */
final class Autopilot {

	private final FlightProperties limits;

	private final double moveTimeoutSeconds;

	private final Guidance guidance;

	private final Geofence geofence;

	private Motion motion = Motion.AT_REST_AT_HOME;

	private double headingDegrees;

	/**
	 * Where TAKEOFF, HOLD, GOTO, MISSION and LAND aim; {@code null} in HOLD while
	 * braking.
	 */
	private @Nullable Target target;

	private MoveSetpoint move = MoveSetpoint.NONE;

	private double moveAgeSeconds;

	private ReturnLeg returnLeg = new ReturnLeg.Climb();

	/**
	 * How MISSION flies to its target: how fast, and when the target counts as reached.
	 */
	private MissionLeg missionLeg = new MissionLeg(0, LegPhase.HOVER);

	Autopilot(FlightProperties limits) {
		this.limits = limits;
		this.moveTimeoutSeconds = seconds(limits.moveTimeout());
		this.guidance = new Guidance(limits);
		this.geofence = new Geofence(limits);
	}

	Motion motion() {
		return this.motion;
	}

	double headingDegrees() {
		return this.headingDegrees;
	}

	/** Aims straight up from where the drone is, for TAKEOFF. */
	void climbTo(double altitudeMeters) {
		this.target = new Target(this.motion.position().withUp(altitudeMeters), false);
	}

	/**
	 * Aims at a point, for GOTO.
	 * @param point metres north, east and above home
	 * @param faceTarget whether to turn the nose towards it on the way
	 */
	void flyTo(Vector3 point, boolean faceTarget) {
		this.target = new Target(point, faceTarget);
	}

	/**
	 * Aims at a mission's waypoint, for MISSION: straight up to its altitude first when
	 * {@code climb}, as a take-off; otherwise at it, facing it, at the waypoint's speed.
	 * @param point metres north, east and above home
	 * @param speed horizontal speed on the way, m/s
	 * @param climb whether the drone climbs from the ground to the point's altitude first
	 */
	void flyLeg(Vector3 point, double speed, boolean climb) {
		this.target = new Target(climb ? this.motion.position().withUp(point.up()) : point, !climb);
		this.missionLeg = new MissionLeg(speed, climb ? LegPhase.CLIMB : LegPhase.TRANSIT);
	}

	/**
	 * Hovers at the waypoint MISSION reached, settling on it, until the mission goes on.
	 */
	void hoverAtWaypoint() {
		this.missionLeg = new MissionLeg(this.missionLeg.speed(), LegPhase.HOVER);
	}

	/**
	 * The point a NUDGE aims at: a hop in the drone's own frame from its target, when
	 * {@code fromTarget} and it has one, or else from where the drone is.
	 */
	Vector3 hop(Direction direction, double distanceMeters, boolean fromTarget) {
		Vector3 base = (fromTarget && this.target != null) ? this.target.point() : this.motion.position();
		return base.plus(this.guidance.hop(direction, distanceMeters, this.headingDegrees));
	}

	/** Holds where TAKEOFF or GOTO arrived. */
	void holdAtTarget() {
		this.target = new Target(currentTarget().point(), false);
	}

	/** Aims nowhere: in HOLD the drone brakes and then holds where it comes to rest. */
	void brake() {
		this.target = null;
	}

	/** Aims at the ground below the drone, for LAND. */
	void descendHere() {
		this.target = new Target(this.motion.position().withUp(0), false);
	}

	/** Starts a return to launch at its first leg, for RTL. */
	void returnHome() {
		this.returnLeg = new ReturnLeg.Climb();
	}

	/** Follows a pilot's MOVE set-point, within the limits, for MANUAL. */
	void follow(MoveSetpoint setpoint) {
		this.move = this.guidance.limit(setpoint);
		this.moveAgeSeconds = 0;
	}

	void dropSetpoint() {
		this.move = MoveSetpoint.NONE;
	}

	/**
	 * Carries on from where another simulator left the drone: aiming nowhere, with no
	 * set-point, at that position, velocity and heading.
	 */
	void resume(Motion motion, double headingDegrees) {
		this.motion = motion;
		this.headingDegrees = headingDegrees;
		this.target = null;
		this.move = MoveSetpoint.NONE;
	}

	/** Keeps a drone on the ground where it is. */
	void standStill() {
		this.motion = this.motion.stopped();
	}

	/** Stops a drone that touched down, which no longer aims anywhere. */
	void touchDown() {
		this.motion = this.motion.stopped();
		this.target = null;
	}

	/**
	 * Flies one tick in an airborne mode. A tick ends a mode at most once; the rest of
	 * that tick is flown as in HOLD, the mode a {@link ModeEnd} leads to.
	 * @return what ended the mode, or {@code null} if the drone carries on in it
	 */
	@Nullable ModeEnd fly(FlightMode mode, double dtSeconds) {
		Vector3 position = this.motion.position();
		if (mode == FlightMode.MANUAL) {
			this.moveAgeSeconds += dtSeconds;
		}
		ModeEnd end = endOfMode(mode);
		Vector3 desired = (end != null) ? Vector3.ZERO : steer(mode, dtSeconds);
		boolean manual = mode == FlightMode.MANUAL && end == null;
		if (manual) {
			if (this.geofence.limitMove(position, desired) instanceof Geofence.MoveLimit.Within within) {
				desired = within.velocity();
			}
			else {
				end = new ModeEnd.AtFence(position);
				desired = Vector3.ZERO;
				manual = false;
			}
		}
		this.motion = this.motion.accelerateTowards(desired, this.limits, dtSeconds).advance(dtSeconds);
		if (manual) {
			this.headingDegrees = this.guidance.manualHeading(this.move, this.headingDegrees, dtSeconds);
		}
		if (this.geofence.contain(this.motion) instanceof Geofence.Containment.Breached breach) {
			this.motion = breach.motion();
			if (end == null && mode != FlightMode.HOLD) {
				end = new ModeEnd.AtFence(this.motion.position());
			}
		}
		if (this.motion.position().up() <= 0) {
			this.motion = this.motion.onGround();
			boolean landing = mode == FlightMode.LAND
					|| (mode == FlightMode.RTL && this.returnLeg instanceof ReturnLeg.Descend);
			if (end == null && landing) {
				end = new ModeEnd.TouchedDown();
			}
		}
		return end;
	}

	/**
	 * Whether TAKEOFF has climbed to within its acceptance radius, GOTO has arrived,
	 * MISSION has reached its waypoint, or MANUAL's set-point has lapsed.
	 */
	private @Nullable ModeEnd endOfMode(FlightMode mode) {
		if (mode == FlightMode.TAKEOFF) {
			Vector3 aim = currentTarget().point();
			return this.guidance.reachedAltitude(this.motion, aim) ? new ModeEnd.Reached(aim) : null;
		}
		if (mode == FlightMode.GOTO) {
			Vector3 aim = currentTarget().point();
			return this.guidance.arrived(this.motion, aim) ? new ModeEnd.Reached(aim) : null;
		}
		if (mode == FlightMode.MISSION) {
			Vector3 aim = currentTarget().point();
			boolean reached = switch (this.missionLeg.phase()) {
				case CLIMB -> this.guidance.reachedAltitude(this.motion, aim);
				case TRANSIT -> this.guidance.reachedWaypoint(this.motion, aim);
				case HOVER -> false;
			};
			return reached ? new ModeEnd.Reached(aim) : null;
		}
		if (mode == FlightMode.MANUAL) {
			return (this.moveAgeSeconds > this.moveTimeoutSeconds) ? new ModeEnd.MoveLapsed(this.moveTimeoutSeconds)
					: null;
		}
		return null;
	}

	/** The velocity a mode that carries on asks for. */
	private Vector3 steer(FlightMode mode, double dtSeconds) {
		Vector3 position = this.motion.position();
		return switch (mode) {
			case TAKEOFF -> this.guidance.towards(position, currentTarget().point(), this.limits.takeoffClimbRate());
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
				if (destination.faceTarget()) {
					this.headingDegrees = this.guidance.turnedTowards(this.headingDegrees, position,
							destination.point(), dtSeconds);
				}
				yield this.guidance.towards(position, destination.point(), this.limits.maxClimbRate());
			}
			case MISSION -> {
				Vector3 waypoint = currentTarget().point();
				yield switch (this.missionLeg.phase()) {
					case CLIMB -> this.guidance.towards(position, waypoint, this.limits.takeoffClimbRate());
					case TRANSIT -> {
						this.headingDegrees = this.guidance.turnedTowards(this.headingDegrees, position, waypoint,
								dtSeconds);
						yield this.guidance.towards(position, waypoint, this.limits.maxClimbRate(),
								this.missionLeg.speed());
					}
					case HOVER -> this.guidance.towards(position, waypoint, this.limits.maxClimbRate());
				};
			}
			case MANUAL -> this.guidance.manualVelocity(this.move, this.headingDegrees);
			case LAND -> this.guidance.descentTowards(position, currentTarget().point());
			case RTL -> {
				this.returnLeg = this.guidance.returnLeg(this.returnLeg, this.motion);
				if (this.returnLeg instanceof ReturnLeg.Cruise cruise) {
					this.headingDegrees = this.guidance.turnedTowards(this.headingDegrees, position, cruise.aboveHome(),
							dtSeconds);
				}
				yield this.guidance.returnVelocity(this.returnLeg, position);
			}
			case DISARMED, ARMED -> Vector3.ZERO;
		};
	}

	/**
	 * The target of TAKEOFF, GOTO, MISSION or LAND: every switch to those modes sets one,
	 * and only a switch to HOLD or DISARMED clears it.
	 */
	private Target currentTarget() {
		return Objects.requireNonNull(this.target, "TAKEOFF, GOTO, MISSION and LAND always have a target");
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

	/** Where guidance aims, and whether the drone turns to face it on the way. */
	private record Target(Vector3 point, boolean faceTarget) {
	}

	/** How MISSION flies to its target: at what speed, and in which phase. */
	private record MissionLeg(double speed, LegPhase phase) {
	}

	/** What MISSION does about its target. */
	private enum LegPhase {

		/** Climbs straight up to the target's altitude, as a take-off. */
		CLIMB,
		/** Flies to the waypoint, facing it. */
		TRANSIT,
		/** Hovers at the waypoint it reached. */
		HOVER

	}

}
