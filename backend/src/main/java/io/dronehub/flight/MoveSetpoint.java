package io.dronehub.flight;

/**
 * A pilot's MOVE set-point, in the drone's own frame.
 *
 * @param forward metres per second along the nose
 * @param right metres per second to the right of the nose
 * @param up climb rate in metres per second
 * @param yawRate degrees per second, clockwise
 */
record MoveSetpoint(double forward, double right, double up, double yawRate) {

	static final MoveSetpoint NONE = new MoveSetpoint(0, 0, 0, 0);

}
