import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isFlightKey, isStill, moveSetpoint } from '../../main/resources/static/js/flight-keys.js';

const SPEEDS = { horizontal: 5, vertical: 2, yawRate: 45 };

describe('flight keys', () => {
	it('turns held keys into a MOVE set-point in the drone\'s frame', () => {
		assert.deepEqual(moveSetpoint(['KeyW', 'KeyD', 'KeyR', 'KeyE'], SPEEDS), { forward: 5, right: 5, up: 2, yawRate: 45 });
		assert.deepEqual(moveSetpoint(['KeyS', 'KeyA', 'KeyF', 'KeyQ'], SPEEDS), { forward: -5, right: -5, up: -2, yawRate: -45 });
	});

	it('cancels opposite keys and ignores other keys', () => {
		const setpoint = moveSetpoint(['KeyW', 'KeyS', 'KeyX', 'Space'], SPEEDS);
		assert.ok(isStill(setpoint));
		assert.equal(isFlightKey('KeyW'), true);
		assert.equal(isFlightKey('KeyX'), false);
		assert.equal(isFlightKey('toString'), false);
	});

	it('is still with no keys held', () => {
		assert.ok(isStill(moveSetpoint([], SPEEDS)));
		assert.ok(!isStill(moveSetpoint(['KeyQ'], SPEEDS)));
	});
});
