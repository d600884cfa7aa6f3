import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_PATH_POINTS, thinPath } from '../../main/resources/static/js/path.js';
import { fromLocal, toLocal } from '../../main/resources/static/js/geo.js';

const HOME = { lat: -22.9519, lon: -43.2105 };

/** A point {@code east}/{@code north} metres from home. */
function at(east, north, extra = {}) {
	return { ...fromLocal(HOME, east, north), ...extra };
}

describe('thinPath', () => {
	it('keeps only the ends of a straight line', () => {
		const line = Array.from({ length: 1000 }, (_, i) => at(i * 0.5, i * 0.25));
		const thinned = thinPath(line);
		assert.deepEqual(thinned, [line[0], line[999]]);
	});

	it('keeps the corners of a square flown slowly', () => {
		const corners = [[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]];
		const flown = [];
		for (let leg = 0; leg < 4; leg++) {
			const [e0, n0] = corners[leg];
			const [e1, n1] = corners[leg + 1];
			for (let step = 0; step < 200; step++) {
				flown.push(at(e0 + (e1 - e0) * step / 200, n0 + (n1 - n0) * step / 200));
			}
		}
		flown.push(at(0, 0));
		const thinned = thinPath(flown);
		assert.equal(thinned.length, 5);
		for (const [index, [east, north]] of corners.entries()) {
			const local = toLocal(HOME, thinned[index]);
			assert.ok(Math.hypot(local.east - east, local.north - north) <= 0.5, `corner ${index} within the tolerance`);
		}
	});

	it('draws an hour-long wandering flight with at most the most points, within metres of it', () => {
		// 36,000 states at 10 Hz: a wobbly circle of 150 m radius, flown ten times
		const states = Array.from({ length: 36_000 }, (_, i) => {
			const angle = i / 36_000 * Math.PI * 20;
			const radius = 150 + 3 * Math.sin(i / 7);
			return at(radius * Math.cos(angle), radius * Math.sin(angle), { t: i * 100 });
		});
		const thinned = thinPath(states);
		assert.ok(thinned.length <= MAX_PATH_POINTS, `${thinned.length} points`);
		assert.ok(thinned.length > 100, `${thinned.length} points still draw a circle`);
		assert.equal(thinned[0], states[0]);
		assert.equal(thinned[thinned.length - 1], states[states.length - 1]);
		const times = thinned.map((p) => p.t);
		assert.deepEqual(times, [...times].sort((a, b) => a - b), 'in flight order');
	});

	it('thins a hovering drone to almost nothing, and fits any path into a smaller budget', () => {
		const hover = Array.from({ length: 600 }, (_, i) => at(0.05 * Math.sin(i), 0.05 * Math.cos(i)));
		assert.equal(thinPath(hover).length, 2);
		const zigzag = Array.from({ length: 1000 }, (_, i) => at(i, i % 2 === 0 ? 0 : 20));
		assert.ok(thinPath(zigzag, { maxPoints: 50 }).length <= 50);
	});

	it('skips points without a position, and keeps paths of one or two points', () => {
		assert.deepEqual(thinPath([]), []);
		const one = at(1, 1);
		assert.deepEqual(thinPath([one, { lat: null, lon: 2 }]), [one]);
	});
});
