/**
 * Geographic maths for the map: a local east/north plane in metres around a reference point,
 * and the viewport that maps that plane to canvas pixels. Pure: no DOM.
 *
 * An equirectangular projection is exact enough for the few hundred metres a fleet spans.
 */

/** Mean Earth radius, m (IUGG). */
export const EARTH_RADIUS_METERS = 6371008.8;

const RADIANS = Math.PI / 180;

/**
 * Where {@code point} lies from {@code origin}, in metres east and north.
 * @param {{lat:number, lon:number}} origin
 * @param {{lat:number, lon:number}} point
 */
export function toLocal(origin, point) {
	const north = (point.lat - origin.lat) * RADIANS * EARTH_RADIUS_METERS;
	const east = (point.lon - origin.lon) * RADIANS * EARTH_RADIUS_METERS * Math.cos(origin.lat * RADIANS);
	return { east, north };
}

/** The inverse of {@link toLocal}: the latitude and longitude {@code east}/{@code north} metres from {@code origin}. */
export function fromLocal(origin, east, north) {
	const lat = origin.lat + north / EARTH_RADIUS_METERS / RADIANS;
	const lon = origin.lon + east / (EARTH_RADIUS_METERS * Math.cos(origin.lat * RADIANS)) / RADIANS;
	return { lat, lon };
}

/** Horizontal distance between two points, m. */
export function distanceMeters(a, b) {
	const { east, north } = toLocal(a, b);
	return Math.hypot(east, north);
}

/** The mean of some points' latitudes and longitudes, or null for none. */
export function centroid(points) {
	if (points.length === 0) {
		return null;
	}
	let lat = 0;
	let lon = 0;
	for (const point of points) {
		lat += point.lat;
		lon += point.lon;
	}
	return { lat: lat / points.length, lon: lon / points.length };
}

/**
 * The longest "nice" length (1, 2 or 5 × 10ⁿ metres) not longer than {@code maxMeters}, for a
 * scale bar.
 */
export function niceScaleLength(maxMeters) {
	if (!(maxMeters > 0)) {
		return 0;
	}
	const magnitude = 10 ** Math.floor(Math.log10(maxMeters));
	for (const step of [5, 2, 1]) {
		if (step * magnitude <= maxMeters) {
			return step * magnitude;
		}
	}
	return magnitude;
}

/**
 * The square area (centre and side in metres) that holds every local point with a margin.
 * @param {{east:number, north:number}[]} points
 * @param {number} minSpanMeters the smallest side, so one drone is not drawn at infinite zoom
 * @param {number} margin extra fraction of the span on each side
 */
export function fitSpan(points, minSpanMeters, margin = 0.15) {
	if (points.length === 0) {
		return { east: 0, north: 0, span: minSpanMeters };
	}
	let minEast = Infinity;
	let maxEast = -Infinity;
	let minNorth = Infinity;
	let maxNorth = -Infinity;
	for (const p of points) {
		minEast = Math.min(minEast, p.east);
		maxEast = Math.max(maxEast, p.east);
		minNorth = Math.min(minNorth, p.north);
		maxNorth = Math.max(maxNorth, p.north);
	}
	const raw = Math.max(maxEast - minEast, maxNorth - minNorth);
	const span = Math.max(minSpanMeters, raw * (1 + 2 * margin));
	return { east: (minEast + maxEast) / 2, north: (minNorth + maxNorth) / 2, span };
}

/**
 * A viewport: which local point is at the canvas centre and how many metres one CSS pixel is.
 * North is up.
 */
export class Viewport {

	/**
	 * @param {number} width canvas width, CSS px
	 * @param {number} height canvas height, CSS px
	 * @param {{east:number, north:number}} center local point at the middle of the canvas
	 * @param {number} metersPerPixel scale
	 */
	constructor(width, height, center, metersPerPixel) {
		this.width = width;
		this.height = height;
		this.center = center;
		this.metersPerPixel = metersPerPixel;
	}

	/** A viewport that shows a square {@code span} metres wide, centred on {@code center}, inside the canvas. */
	static fitting(width, height, center, span) {
		const pixels = Math.max(1, Math.min(width, height));
		return new Viewport(width, height, center, span / pixels);
	}

	/** Canvas position of a local point. */
	toScreen(east, north) {
		return {
			x: this.width / 2 + (east - this.center.east) / this.metersPerPixel,
			y: this.height / 2 - (north - this.center.north) / this.metersPerPixel,
		};
	}

	/** Local point under a canvas position. */
	toLocal(x, y) {
		return {
			east: this.center.east + (x - this.width / 2) * this.metersPerPixel,
			north: this.center.north - (y - this.height / 2) * this.metersPerPixel,
		};
	}

}
