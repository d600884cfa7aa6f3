import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
	brokerUrl, commandIds, commandRequest, controlRequest, describeError, describeReply, replayRequest,
} from '../../main/resources/static/js/wire.js';

describe('wire', () => {
	it('derives the broker URL from the page location', () => {
		assert.equal(brokerUrl({ protocol: 'http:', host: 'localhost:18080' }), 'ws://localhost:18080/ws');
		assert.equal(brokerUrl({ protocol: 'https:', host: 'hub.example.org' }), 'wss://hub.example.org/ws');
	});

	it('builds control and command bodies of the v1 contract', () => {
		assert.deepEqual(controlRequest('d1', 'ACQUIRE', 'c-1'), { droneId: 'd1', action: 'ACQUIRE', commandId: 'c-1' });
		assert.deepEqual(commandRequest('d1', 'TAKEOFF', { altitude: 15 }, 'c-2'),
				{ droneId: 'd1', type: 'TAKEOFF', altitude: 15, commandId: 'c-2' });
		assert.deepEqual(commandRequest('d2', 'NUDGE', { direction: 'UP', distance: 5 }),
				{ droneId: 'd2', type: 'NUDGE', direction: 'UP', distance: 5 });
		assert.throws(() => commandRequest('d1', 'FLIP'), RangeError);
		assert.throws(() => controlRequest('d1', 'STEAL'), RangeError);
		assert.deepEqual(controlRequest('d1', 'REQUEST', 'c-2', { timeoutS: 10 }),
			{ droneId: 'd1', action: 'REQUEST', timeoutS: 10, commandId: 'c-2' });
		assert.deepEqual(controlRequest('d1', 'GRANT', 'c-3', { requestId: 'r-1' }),
			{ droneId: 'd1', action: 'GRANT', requestId: 'r-1', commandId: 'c-3' });
	});

	it('makes unique command ids', () => {
		const next = commandIds('ab');
		assert.equal(next(), 'c-ab-1');
		assert.equal(next(), 'c-ab-2');
	});

	it('puts an accepted reply into words, naming the request', () => {
		const reply = { commandId: 'c-1', droneId: 'd1', status: 'ACCEPTED', code: null, reason: null };
		assert.deepEqual(describeReply(reply, { droneId: 'd1', type: 'TAKEOFF', altitude: 15 }),
				{ ok: true, text: 'TAKEOFF d1 to 15 m: accepted.' });
		assert.deepEqual(describeReply(reply, { droneId: 'd1', action: 'ACQUIRE' }),
				{ ok: true, text: 'Take control of d1: accepted.' });
	});

	it('gives the hub\'s reason for a rejection, or the code in words', () => {
		const withReason = { droneId: 'd1', status: 'REJECTED', code: 'COMMAND_DENIED', reason: 'd1 is disarmed: ARM first' };
		assert.equal(describeReply(withReason, { droneId: 'd1', type: 'TAKEOFF', altitude: 15 }).text,
				'TAKEOFF d1 to 15 m: rejected \u2014 d1 is disarmed: ARM first.');
		const codeOnly = { droneId: 'd1', status: 'REJECTED', code: 'NOT_IN_CONTROL', reason: null };
		assert.equal(describeReply(codeOnly).ok, false);
		assert.match(describeReply(codeOnly).text, /take control first/);
	});

	it('puts an error into words', () => {
		assert.match(describeError({ error: 'MISSING_FIELD', message: 'altitude is required' }), /altitude is required/);
		assert.match(describeError({ error: 'INVALID_JSON' }), /could not read/);
	});

	it('tells an observer who tries to fly to sign in', () => {
		const text = describeError({ error: 'FORBIDDEN', message: 'not allowed to send to /app/control' });
		assert.match(text, /not allowed to send to \/app\/control: sign in as a pilot to fly\.$/);
		assert.doesNotMatch(describeError({ error: 'RATE_LIMITED' }), /sign in/);
	});

	it('builds replay requests: PLAY with its speed and offset, the other actions with none', () => {
		assert.deepEqual(replayRequest('f-1', 'PLAY', { speed: 0.25, offsetMs: 1234.6 }, 'c-1'),
			{ flightId: 'f-1', action: 'PLAY', speed: 0.25, offsetMs: 1235, commandId: 'c-1' });
		assert.deepEqual(replayRequest('f-1', 'PLAY', { speed: 32 }), { flightId: 'f-1', action: 'PLAY', speed: 32, offsetMs: 0 });
		assert.deepEqual(replayRequest('f-1', 'PAUSE', { speed: 4 }, 'c-2'), { flightId: 'f-1', action: 'PAUSE', commandId: 'c-2' });
		assert.throws(() => replayRequest('f-1', 'PLAY', { speed: 64 }), RangeError);
		assert.throws(() => replayRequest('f-1', 'REWIND'), RangeError);
	});
});
