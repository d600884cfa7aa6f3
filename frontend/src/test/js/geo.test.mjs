import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
	centroid, distanceMeters, fitSpan, fromLocal, niceScaleLength, toLocal, Viewport,
} from '../../main/resources/static/js/geo.js';

const HOME = { lat: -22.9519, lon: -43.2105 };

function near(actual, expected, tolerance, message) {
	assert.ok(Math.abs(actual - expected) <= tolerance, `${message ?? ''} expected ${expected} ± ${tolerance}, was ${actual}`);
}

describe('geo', () => {
	it('measures metres east and north of an origin', () => {
		// one thousandth of a degree of latitude is about 111 m everywhere
		const north = toLocal(HOME, { lat: HOME.lat + 0.001, lon: HOME.lon });
		near(north.north, 111.19, 0.05);
		near(north.east, 0, 1e-9);
		// a degree of longitude shrinks with the cosine of the latitude
		const east = toLocal(HOME, { lat: HOME.lat, lon: HOME.lon + 0.001 });
		near(east.east, 111.19 * Math.cos(HOME.lat * Math.PI / 180), 0.05);
	});

	it('turns local metres back into the same latitude and longitude', () => {
		const point = fromLocal(HOME, 120, -75);
		const local = toLocal(HOME, point);
		near(local.east, 120, 1e-6);
		near(local.north, -75, 1e-6);
	});

	it('measures horizontal distance', () => {
		near(distanceMeters(HOME, fromLocal(HOME, 300, 400)), 500, 1e-6);
	});

	it('finds the centroid of points, or null for none', () => {
		assert.deepEqual(centroid([{ lat: 0, lon: 0 }, { lat: 2, lon: 4 }]), { lat: 1, lon: 2 });
		assert.equal(centroid([]), null);
	});

	it('picks a 1, 2 or 5 × 10ⁿ length for the scale bar', () => {
		assert.equal(niceScaleLength(160), 100);
		assert.equal(niceScaleLength(260), 200);
		assert.equal(niceScaleLength(74), 50);
		assert.equal(niceScaleLength(1), 1);
		assert.equal(niceScaleLength(0.3), 0.2);
		assert.equal(niceScaleLength(0), 0);
	});

	it('fits every point in a square span with a margin and a minimum', () => {
		const fit = fitSpan([{ east: 0, north: 0 }, { east: 100, north: 20 }], 40, 0.1);
		assert.equal(fit.east, 50);
		assert.equal(fit.north, 10);
		near(fit.span, 120, 1e-9);
		assert.equal(fitSpan([{ east: 5, north: 5 }], 40).span, 40);
		assert.deepEqual(fitSpan([], 40), { east: 0, north: 0, span: 40 });
	});

	it('maps local metres to canvas pixels with north up, and back', () => {
		const view = Viewport.fitting(800, 400, { east: 10, north: 20 }, 200);
		assert.equal(view.metersPerPixel, 0.5);
		assert.deepEqual(view.toScreen(10, 20), { x: 400, y: 200 });
		const northEast = view.toScreen(20, 30);
		assert.deepEqual(northEast, { x: 420, y: 180 });
		assert.deepEqual(view.toLocal(420, 180), { east: 20, north: 30 });
	});
});
