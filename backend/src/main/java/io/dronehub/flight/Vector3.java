package io.dronehub.flight;

/**
 * A vector in a drone's local frame, north, east and up: a position in metres from home
 * or a velocity in metres per second.
 *
 * @param north the component towards north
 * @param east the component towards east
 * @param up the component upwards
 */
record Vector3(double north, double east, double up) {

	static final Vector3 ZERO = new Vector3(0, 0, 0);

	Vector3 plus(Vector3 other) {
		return new Vector3(this.north + other.north, this.east + other.east, this.up + other.up);
	}

	Vector3 minus(Vector3 other) {
		return new Vector3(this.north - other.north, this.east - other.east, this.up - other.up);
	}

	Vector3 scale(double factor) {
		return new Vector3(this.north * factor, this.east * factor, this.up * factor);
	}

	/**
	 * This vector with its horizontal part scaled and its vertical part unchanged.
	 */
	Vector3 scaleHorizontal(double factor) {
		return new Vector3(this.north * factor, this.east * factor, this.up);
	}

	Vector3 withUp(double up) {
		return new Vector3(this.north, this.east, up);
	}

	/**
	 * The length of the horizontal part: a distance from home or a ground speed.
	 */
	double horizontalLength() {
		return Math.hypot(this.north, this.east);
	}

}
