/**
 * Thins a recorded flight's path for drawing: a one-hour flight has 36,000 states, a map needs
 * a few hundred points to show where it went. Pure: no DOM.
 */
import { toLocal } from './geo.js';

/** How far a drawn path may stray from the flown one, m, before it is thinned further. */
export const PATH_TOLERANCE_METERS = 0.5;

/** The most points a thinned path keeps. */
export const MAX_PATH_POINTS = 2000;

/**
 * The fewest of {@code points} that draw the same line to within a tolerance
 * (Ramer–Douglas–Peucker on the local plane of the first point), always keeping the first and
 * the last; with more than {@code maxPoints} left, the tolerance doubles until they fit.
 * @template {{lat:number, lon:number}} P
 * @param {P[]} points in flight order
 * @param {{toleranceMeters?: number, maxPoints?: number}} [options]
 * @returns {P[]} some of the same objects, in the same order
 */
export function thinPath(points, { toleranceMeters = PATH_TOLERANCE_METERS, maxPoints = MAX_PATH_POINTS } = {}) {
	const usable = points.filter((p) => Number.isFinite(p?.lat) && Number.isFinite(p?.lon));
	if (usable.length <= 2) {
		return usable;
	}
	const origin = usable[0];
	const local = usable.map((p) => toLocal(origin, p));
	let tolerance = toleranceMeters;
	let kept = simplify(local, tolerance, apart(local, tolerance / 2));
	while (kept.length > Math.max(2, maxPoints)) {
		tolerance *= 2;
		kept = simplify(local, tolerance, kept);
	}
	return kept.map((index) => usable[index]);
}

/**
 * The indices of the points at least {@code distance} from the point kept before them, and the
 * last: a first, linear pass that drops most of a hover before the slower one.
 */
function apart(local, distance) {
	const kept = [0];
	let previous = local[0];
	for (let i = 1; i < local.length - 1; i++) {
		if (Math.hypot(local[i].east - previous.east, local[i].north - previous.north) >= distance) {
			kept.push(i);
			previous = local[i];
		}
	}
	kept.push(local.length - 1);
	return kept;
}

/**
 * The indices Ramer–Douglas–Peucker keeps, without recursion (a long flight would overflow the
 * stack), among the indices an earlier pass kept.
 */
function simplify(local, tolerance, candidates) {
	const keep = new Uint8Array(candidates.length);
	keep[0] = 1;
	keep[candidates.length - 1] = 1;
	const stack = [[0, candidates.length - 1]];
	while (stack.length > 0) {
		const [first, last] = stack.pop();
		let farthest = -1;
		let farthestDistance = tolerance;
		const a = local[candidates[first]];
		const b = local[candidates[last]];
		for (let i = first + 1; i < last; i++) {
			const distance = distanceToSegment(local[candidates[i]], a, b);
			if (distance > farthestDistance) {
				farthest = i;
				farthestDistance = distance;
			}
		}
		if (farthest >= 0) {
			keep[farthest] = 1;
			stack.push([first, farthest], [farthest, last]);
		}
	}
	return candidates.filter((_, i) => keep[i] === 1);
}

/** How far a point lies from the segment a–b, m. */
function distanceToSegment(p, a, b) {
	const dx = b.east - a.east;
	const dy = b.north - a.north;
	const length2 = dx * dx + dy * dy;
	const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.east - a.east) * dx + (p.north - a.north) * dy) / length2));
	return Math.hypot(p.east - (a.east + t * dx), p.north - (a.north + t * dy));
}
