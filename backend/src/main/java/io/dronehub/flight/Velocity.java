package io.dronehub.flight;

/**
 * A drone's velocity in the local north-east-up frame, in metres per second.
 *
 * @param north speed towards true north
 * @param east speed towards east
 * @param up climb rate (negative when descending)
 */
public record Velocity(double north, double east, double up) {
}
