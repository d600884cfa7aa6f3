package io.dronehub.flight;

/**
 * A point on the Earth's surface.
 *
 * @param lat latitude in degrees
 * @param lon longitude in degrees
 */
public record GeoPoint(double lat, double lon) {
}
