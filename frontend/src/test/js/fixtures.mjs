/** A telemetry message as the hub sends it, with fields overridden by {@code changes}. */
export function telemetry(changes = {}) {
	return {
		droneId: 'd1',
		seq: 1,
		timestamp: 1_763_900_000_000,
		mode: 'DISARMED',
		armed: false,
		position: { lat: -22.9519, lon: -43.2105, alt: 0 },
		velocity: { north: 0, east: 0, up: 0 },
		groundSpeed: 0,
		heading: 90,
		battery: { percent: 100, voltage: 16.8 },
		home: { lat: -22.9519, lon: -43.2105 },
		pilot: null,
		failsafe: null,
		...changes,
	};
}
