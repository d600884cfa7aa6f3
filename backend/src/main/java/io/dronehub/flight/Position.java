package io.dronehub.flight;

/**
 * Where a drone is.
 *
 * @param lat latitude in degrees
 * @param lon longitude in degrees
 * @param alt altitude above home in metres
 */
public record Position(double lat, double lon, double alt) {
}
