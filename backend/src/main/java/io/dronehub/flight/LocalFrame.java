package io.dronehub.flight;

/**
 * A flat-earth north-east frame centred on a home point, accurate to centimetres within
 * the few hundred metres of a geofence.
 */
final class LocalFrame {

	private static final double EARTH_RADIUS_METERS = 6_371_000;

	private final GeoPoint origin;

	private final double metersPerDegreeLat;

	private final double metersPerDegreeLon;

	LocalFrame(GeoPoint origin) {
		this.origin = origin;
		this.metersPerDegreeLat = Math.toRadians(1) * EARTH_RADIUS_METERS;
		this.metersPerDegreeLon = this.metersPerDegreeLat * Math.cos(Math.toRadians(origin.lat()));
	}

	GeoPoint origin() {
		return this.origin;
	}

	double latitudeOf(double northMeters) {
		return this.origin.lat() + northMeters / this.metersPerDegreeLat;
	}

	double longitudeOf(double eastMeters) {
		return this.origin.lon() + eastMeters / this.metersPerDegreeLon;
	}

	double northOf(double lat) {
		return (lat - this.origin.lat()) * this.metersPerDegreeLat;
	}

	double eastOf(double lon) {
		return (lon - this.origin.lon()) * this.metersPerDegreeLon;
	}

}
