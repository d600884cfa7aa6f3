import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
	compassPoint, failsafeLabel, formatAge, formatDateTime, formatDuration, formatCoordinates, formatDistance, formatHeading, formatMeters,
	controlLabel, formatPercent, formatSpeed, formatVerticalSpeed, formatVoltage, modeLabel, normalizeDegrees, pilotLabel,
} from '../../main/resources/static/js/format.js';

describe('format', () => {
	it('writes lengths and speeds with their units', () => {
		assert.equal(formatMeters(15), '15.0 m');
		assert.equal(formatMeters(3.14159, 2), '3.14 m');
		assert.equal(formatSpeed(4.26), '4.3 m/s');
		assert.equal(formatPercent(87.5), '88 %');
		assert.equal(formatVoltage(15.9), '15.90 V');
	});

	it('shows a dash for a missing number', () => {
		for (const format of [formatMeters, formatSpeed, formatVerticalSpeed, formatHeading, formatPercent, formatVoltage]) {
			assert.equal(format(undefined), '—');
			assert.equal(format(Number.NaN), '—');
		}
	});

	it('signs vertical speed: plus climbing, minus descending, none when level', () => {
		assert.equal(formatVerticalSpeed(1.54), '+1.5 m/s');
		assert.equal(formatVerticalSpeed(-0.7), '\u22120.7 m/s');
		assert.equal(formatVerticalSpeed(0.02), '0.0 m/s');
		assert.equal(formatVerticalSpeed(-0.04), '0.0 m/s');
	});

	it('writes a heading as three digits and a compass point', () => {
		assert.equal(formatHeading(90), '090° E');
		assert.equal(formatHeading(359.6), '000° N');
		assert.equal(formatHeading(-45), '315° NW');
		assert.equal(formatHeading(202), '202° S');
		assert.equal(compassPoint(22), 'N');
		assert.equal(compassPoint(23), 'NE');
		assert.equal(normalizeDegrees(-90), 270);
		assert.equal(normalizeDegrees(720), 0);
	});

	it('writes the telemetry age in words', () => {
		assert.equal(formatAge(100), '0.1 s ago');
		assert.equal(formatAge(-5), '0.0 s ago');
		assert.equal(formatAge(12_400), '12 s ago');
		assert.equal(formatAge(180_000), '3 min ago');
		assert.equal(formatAge(null), 'no data yet');
	});

	it('writes distances in metres, then kilometres', () => {
		assert.equal(formatDistance(50), '50 m');
		assert.equal(formatDistance(2.5), '2.5 m');
		assert.equal(formatDistance(1500), '1.5 km');
	});

	it('writes coordinates with hemispheres', () => {
		assert.equal(formatCoordinates(-22.9519, -43.2105), '22.951900° S, 43.210500° W');
		assert.equal(formatCoordinates(51.5, 0.1), '51.500000° N, 0.100000° E');
	});

	it('puts modes, failsafes and pilots into words', () => {
		assert.equal(modeLabel('RTL'), 'Returning home');
		assert.equal(modeLabel('SOMETHING_NEW'), 'SOMETHING_NEW');
		assert.equal(failsafeLabel(null), 'None');
		assert.equal(failsafeLabel('LOW_BATTERY'), 'Low battery');
		assert.equal(pilotLabel(null, 'guest-1'), 'Nobody');
		assert.equal(pilotLabel('guest-1', 'guest-1'), 'guest-1 (you)');
		assert.equal(pilotLabel('guest-2', 'guest-1'), 'guest-2');
	});

	it('says who asks for control and how long is left, counted from the state', () => {
		const request = { from: 'bob', expiresAt: 10_000 };
		assert.equal(controlLabel(undefined, 0, 'alice'), '');
		assert.equal(controlLabel({ allowTakeover: true, request: null }, 0, 'alice'), 'takeover allowed');
		assert.equal(controlLabel({ allowTakeover: false, request }, 2_500, 'alice'), 'bob asks for control, 8 s left');
		assert.equal(controlLabel({ allowTakeover: false, request }, 2_500, 'bob'), 'you ask for control, 8 s left');
		assert.equal(controlLabel({ allowTakeover: false, request }, 12_000, null), 'bob asks for control, 0 s left');
	});

	it('writes a length of time as a clock: minutes and seconds, hours once there are any', () => {
		assert.equal(formatDuration(0), '0:00');
		assert.equal(formatDuration(42_900), '0:42', 'whole seconds, rounded down');
		assert.equal(formatDuration(725_000), '12:05');
		assert.equal(formatDuration(3_723_000), '1:02:03');
		assert.equal(formatDuration(-5), '0:00');
		assert.equal(formatDuration(undefined), '—');
	});

	it('writes a moment as a local date and time', () => {
		assert.equal(formatDateTime(new Date(2026, 11, 1, 9, 3, 7).getTime()), '2026-12-01 09:03:07');
		assert.equal(formatDateTime(null), '—');
	});
});
