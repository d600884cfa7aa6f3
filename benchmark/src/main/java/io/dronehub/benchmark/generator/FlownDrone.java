package io.dronehub.benchmark.generator;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One drone of the {@link FleetPilotConnection}, from the ground to a circuit in the air:
 * ACQUIRE, ARM, TAKEOFF to {@value #TAKEOFF_ALTITUDE} m, then, each time it holds, a GOTO
 * to the next corner of a square of {@value #SQUARE_SIDE} m centred on its home, so that
 * it keeps flying (and its flight keeps being recorded) for as long as the run lasts. It
 * answers what the hub says with the next command's JSON body; a rejection before it is
 * airborne ends its part, and a drone that leaves the circuit by itself (a failsafe
 * landing or return) is counted as interrupted and not flown again. Owned by the
 * event-loop thread.
 */
final class FlownDrone {

	static final double TAKEOFF_ALTITUDE = 10;

	static final double SQUARE_SIDE = 40;

	/**
	 * A GOTO that neither a rejection nor a state in GOTO answered by then is sent again.
	 */
	static final long GOTO_ANSWER_NANOS = 2_000_000_000L;

	private static final double METERS_PER_DEGREE = Math.toRadians(1) * 6_371_000;

	/** The corners, north and east of home in halves of the side, flown in this order. */
	private static final int[][] CORNERS = { { 1, 1 }, { 1, -1 }, { -1, -1 }, { -1, 1 } };

	private final String droneId;

	private Stage stage = Stage.ACQUIRE;

	private int legs;

	private long gotoSentNanos = -1;

	private boolean armed;

	private String mode = "?";

	private @Nullable String failure;

	FlownDrone(String droneId) {
		this.droneId = droneId;
	}

	String droneId() {
		return this.droneId;
	}

	/**
	 * The first request: take control.
	 * @return the body for {@code /app/control}
	 */
	String acquire() {
		return "{\"droneId\":\"" + this.droneId + "\",\"action\":\"ACQUIRE\"}";
	}

	/**
	 * Handles the hub's reply to this drone's latest request.
	 * @param accepted whether it was accepted
	 * @param reason the rejection's reason, or {@code null}
	 * @return the body of the next command for {@code /app/command}, or {@code null}
	 */
	@Nullable String replied(boolean accepted, @Nullable String reason) {
		if (!accepted) {
			if (this.stage == Stage.CIRCUIT) {
				// a GOTO refused (the drone was in no state to take it): try again at the
				// next hold
				this.gotoSentNanos = -1;
				return null;
			}
			if (this.stage != Stage.FAILED && this.stage != Stage.INTERRUPTED) {
				this.failure = this.stage + " rejected" + ((reason != null) ? ": " + reason : "");
				this.stage = Stage.FAILED;
			}
			return null;
		}
		switch (this.stage) {
			case ACQUIRE -> {
				this.stage = Stage.ARM;
				return command("\"type\":\"ARM\"");
			}
			case ARM -> {
				this.stage = Stage.TAKEOFF;
				return command(String.format(Locale.ROOT, "\"type\":\"TAKEOFF\",\"altitude\":%.0f", TAKEOFF_ALTITUDE));
			}
			case TAKEOFF -> this.stage = Stage.CIRCUIT;
			default -> {
			}
		}
		return null;
	}

	/**
	 * Handles one of the drone's states.
	 * @param mode its flight mode
	 * @param armed whether it is armed
	 * @param failsafe the failsafe it is under, or {@code null}
	 * @param home its home
	 * @param nowNanos {@link System#nanoTime()}
	 * @return the body of a GOTO for {@code /app/command}, or {@code null}
	 */
	@Nullable String state(String mode, boolean armed, @Nullable String failsafe, Home home, long nowNanos) {
		this.mode = mode;
		this.armed = armed;
		if (this.stage != Stage.CIRCUIT) {
			return null;
		}
		switch (mode) {
			case "GOTO" -> this.gotoSentNanos = -1;
			case "HOLD" -> {
				if (this.gotoSentNanos < 0 || nowNanos - this.gotoSentNanos > GOTO_ANSWER_NANOS) {
					this.gotoSentNanos = nowNanos;
					return goTo(home, CORNERS[this.legs++ % CORNERS.length]);
				}
			}
			case "TAKEOFF", "ARMED" -> {
				// still climbing, or a state from before the take-off that arrived after
				// its reply
			}
			default -> {
				this.failure = "left the circuit in " + mode + ((failsafe != null) ? " (" + failsafe + ")" : "");
				this.stage = Stage.INTERRUPTED;
			}
		}
		return null;
	}

	/**
	 * Whether this drone needs nothing more to be flying: its take-off was accepted, or
	 * it failed.
	 * @return {@code true} once airborne or given up
	 */
	boolean settled() {
		return this.stage.ordinal() >= Stage.CIRCUIT.ordinal();
	}

	/**
	 * Whether the drone's latest state shows it armed, which is when its flight is being
	 * recorded.
	 * @return {@code true} while armed
	 */
	boolean armed() {
		return this.armed;
	}

	boolean interrupted() {
		return this.stage == Stage.INTERRUPTED;
	}

	/**
	 * How many GOTO legs were sent.
	 * @return the count
	 */
	int legs() {
		return this.legs;
	}

	/**
	 * What went wrong, if anything.
	 * @return the drone, where it got to and why, or {@code null} when nothing did
	 */
	@Nullable String failure() {
		return (this.failure != null) ? this.droneId + " " + this.failure + " (last mode " + this.mode + ")" : null;
	}

	private String command(String fields) {
		return "{\"droneId\":\"" + this.droneId + "\"," + fields + "}";
	}

	private String goTo(Home home, int[] corner) {
		double north = corner[0] * SQUARE_SIDE / 2;
		double east = corner[1] * SQUARE_SIDE / 2;
		double lat = home.lat() + north / METERS_PER_DEGREE;
		double lon = home.lon() + east / (METERS_PER_DEGREE * Math.cos(Math.toRadians(home.lat())));
		return command(String.format(Locale.ROOT, "\"type\":\"GOTO\",\"lat\":%.7f,\"lon\":%.7f,\"altitude\":%.0f", lat,
				lon, TAKEOFF_ALTITUDE));
	}

	/**
	 * A drone's home, as its telemetry gives it.
	 *
	 * @param lat degrees
	 * @param lon degrees
	 */
	record Home(double lat, double lon) {
	}

	private enum Stage {

		ACQUIRE, ARM, TAKEOFF, CIRCUIT, FAILED, INTERRUPTED

	}

}
