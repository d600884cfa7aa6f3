import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ReplayState, framesOfNewReplay } from '../../main/resources/static/js/replay.js';
import { telemetry } from './fixtures.mjs';

const FLIGHT = {
	id: 'f-1', droneId: 'd1', pilots: ['alice'], startedAt: 1_763_900_000_000, endedAt: 1_763_900_060_000,
	endReason: 'DISARMED', maxAltitude: 12, distance: 40, batteryUsed: 2, frames: 601,
};

/** A replay of FLIGHT with command ids r-1, r-2, … */
function replay() {
	let next = 0;
	const state = new ReplayState({ flightId: 'f-1', nextCommandId: () => `r-${++next}` });
	state.setFlight(FLIGHT);
	return state;
}

/** A frame of the replay at a position, carrying one state per 100 ms since {@code fromMs}. */
function frame(positionMs, { status = 'PLAYING', fromMs = positionMs, flightId = 'f-1' } = {}) {
	const states = [];
	for (let at = fromMs; at <= positionMs; at += 100) {
		states.push(telemetry({ seq: 1000 + at / 100, timestamp: FLIGHT.startedAt + at, position: { lat: -22.9519, lon: -43.2105, alt: at / 1000 } }));
	}
	return { flightId, status, positionMs, durationMs: 60_000, states };
}

const accepted = (body) => ({ commandId: body.commandId, droneId: null, status: 'ACCEPTED', code: null, reason: null });

describe('ReplayState', () => {
	it('starts idle at the start of the flight, its length known from the summary', () => {
		const state = replay();
		assert.equal(state.status, 'idle');
		assert.equal(state.positionMs, 0);
		assert.equal(state.durationMs, 60_000);
		assert.equal(state.playing, false);
	});

	it('plays with a PLAY from the slider\'s position at the chosen speed', () => {
		const state = replay();
		state.setSpeed(4);
		const request = state.play();
		assert.deepEqual(request, {
			destination: '/app/replay',
			body: { flightId: 'f-1', action: 'PLAY', speed: 4, offsetMs: 0, commandId: 'r-1' },
		});
		assert.equal(state.playing, true, 'shown as playing while the PLAY is on its way');
		assert.equal(state.play(), null, 'a second click sends nothing');
	});

	it('takes the frames once the PLAY is accepted: states into the fleet, position and status', () => {
		const state = replay();
		const { body } = state.play();
		assert.equal(state.applyReply(accepted(body)), null);
		assert.equal(state.status, 'PLAYING');
		assert.equal(state.applyFrame(frame(500, { fromMs: 0 })), true);
		assert.equal(state.positionMs, 500);
		assert.equal(state.fleet.drone('d1').position.alt, 0.5);
		assert.equal(state.time, FLIGHT.startedAt + 500);
		assert.equal(state.applyFrame(frame(1000, { fromMs: 600 })), true);
		assert.equal(state.fleet.drone('d1').timestamp, FLIGHT.startedAt + 1000);
	});

	it('ignores frames of other flights, and frames before any PLAY or after the last', () => {
		const state = replay();
		assert.equal(state.applyFrame(frame(100)), false, 'never played');
		const { body } = state.play();
		state.applyReply(accepted(body));
		assert.equal(state.applyFrame(frame(100, { flightId: 'f-2' })), false);
		assert.equal(state.applyFrame(frame(60_000, { status: 'ENDED' })), true);
		assert.equal(state.status, 'ENDED');
		assert.equal(state.playing, false);
		assert.equal(state.applyFrame(frame(200)), false, 'ENDED is the last frame');
	});

	it('pauses and resumes the replay under way', () => {
		const state = replay();
		state.applyReply(accepted(state.play().body));
		state.applyFrame(frame(2000));
		const pause = state.pause();
		assert.deepEqual(pause.body, { flightId: 'f-1', action: 'PAUSE', commandId: 'r-2' });
		state.applyReply(accepted(pause.body));
		assert.equal(state.status, 'PAUSED');
		state.applyFrame(frame(2000, { status: 'PAUSED' }));
		const resume = state.toggle();
		assert.deepEqual(resume.body, { flightId: 'f-1', action: 'RESUME', commandId: 'r-3' });
		state.applyReply(accepted(resume.body));
		assert.equal(state.status, 'PLAYING');
	});

	it('plays again from the start once the replay has ended', () => {
		const state = replay();
		state.applyReply(accepted(state.play().body));
		state.applyFrame(frame(60_000, { status: 'ENDED', fromMs: 59_000 }));
		const again = state.play();
		assert.equal(again.body.action, 'PLAY');
		assert.equal(again.body.offsetMs, 0);
	});

	it('seeks with a new PLAY from the offset, and draws the new replay afresh', () => {
		const state = replay();
		state.applyReply(accepted(state.play().body));
		state.applyFrame(frame(5000, { fromMs: 0 }));
		const seek = state.seek(30_000);
		assert.equal(seek.body.action, 'PLAY');
		assert.equal(seek.body.offsetMs, 30_000);
		assert.equal(state.positionMs, 30_000, 'the slider stays where it was dropped');
		assert.equal(state.applyReply(accepted(seek.body)), null, 'it was playing: it goes on playing');
		assert.equal(state.fleet.history('d1').length, 0, 'the trail and charts start again');
		state.applyFrame(frame(30_200, { fromMs: 30_000 }));
		assert.equal(state.positionMs, 30_200);
		assert.equal(state.fleet.history('d1')[0].t, FLIGHT.startedAt + 30_000);
	});

	it('keeps a paused replay paused after a seek: PAUSE once the new PLAY is accepted', () => {
		const state = replay();
		state.applyReply(accepted(state.play().body));
		state.applyFrame(frame(5000));
		state.applyReply(accepted(state.pause().body));
		const seek = state.seek(10_000);
		assert.equal(state.playing, false);
		const follow = state.applyReply(accepted(seek.body));
		assert.deepEqual(follow.body, { flightId: 'f-1', action: 'PAUSE', commandId: 'r-4' });
	});

	it('keeps the frames of the new replay that came before its PLAY was answered, drops the old one\'s', () => {
		const state = replay();
		state.applyReply(accepted(state.play().body));
		state.applyFrame(frame(40_000));
		const back = state.seek(10_000);
		assert.equal(state.applyFrame(frame(40_100)), false, 'the old replay, still on its way');
		state.applyFrame(frame(40_100, { status: 'STOPPED' }));
		state.applyFrame(frame(10_000));
		state.applyFrame(frame(10_100));
		state.applyReply(accepted(back.body));
		assert.equal(state.positionMs, 10_100);
		assert.equal(state.status, 'PLAYING');
		assert.equal(state.fleet.drone('d1').timestamp, FLIGHT.startedAt + 10_100);
	});

	it('picks the new replay\'s frames: the latest run from the offset on that only moves forward', () => {
		const at = (positionMs, status = 'PLAYING') => ({ positionMs, status });
		assert.deepEqual(framesOfNewReplay([at(500), at(600), at(100), at(200)], 100), [at(100), at(200)]);
		assert.deepEqual(framesOfNewReplay([at(500), at(600)], 800), [], 'forward: the old ones are before the offset');
		assert.deepEqual(framesOfNewReplay([at(900), at(900, 'STOPPED')], 100), []);
		assert.deepEqual(framesOfNewReplay([at(500, 'STOPPED'), at(800), at(900, 'ENDED')], 800), [at(800), at(900, 'ENDED')]);
		assert.deepEqual(framesOfNewReplay([], 0), []);
	});

	it('changes speed by playing again from where it is', () => {
		const state = replay();
		assert.equal(state.setSpeed(8), null, 'not started: only remembered');
		assert.equal(state.speed, 8);
		assert.equal(state.setSpeed(3), null, 'not a speed the hub plays at');
		assert.equal(state.speed, 8);
		state.applyReply(accepted(state.play().body));
		state.applyFrame(frame(7000));
		const faster = state.setSpeed(32);
		assert.deepEqual(faster.body, { flightId: 'f-1', action: 'PLAY', speed: 32, offsetMs: 7000, commandId: 'r-2' });
	});

	it('says why the hub refused to play, and stays where it was', () => {
		const state = replay();
		const { body } = state.play();
		state.applyReply({ commandId: body.commandId, status: 'REJECTED', code: 'NO_SYSTEM', reason: 'no flight f-1' });
		assert.equal(state.message, 'The replay could not start: no flight f-1.');
		assert.equal(state.status, 'idle');
		assert.equal(state.playing, false);
	});

	it('says so when the hub cannot take the request at all', () => {
		const state = replay();
		state.play();
		state.applyError({ error: 'FORBIDDEN', message: null });
		assert.match(state.message, /may not do that/);
		assert.equal(state.waiting, false);
	});

	it('stops where it was when the connection starts again: the hub forgot the replay', () => {
		const state = replay();
		state.applyReply(accepted(state.play().body));
		state.applyFrame(frame(12_000));
		state.connectionStarted();
		assert.equal(state.status, 'STOPPED');
		assert.match(state.message, /connection/);
		assert.equal(state.play().body.offsetMs, 12_000, 'Play goes on from there');
	});

	it('shows the flight\'s first state before it plays, and its path and log', () => {
		const state = replay();
		state.showStart(telemetry({ seq: 5, timestamp: FLIGHT.startedAt }));
		state.setPath([{ lat: 1, lon: 2 }]);
		state.setLog([{ type: 'MODE_CHANGED', timestamp: FLIGHT.startedAt }]);
		assert.equal(state.fleet.drone('d1').seq, 5);
		assert.equal(state.path.length, 1);
		assert.equal(state.log.length, 1);
		assert.ok(state.version >= 4);
	});

	it('shows what went wrong around it until the next request', () => {
		const state = replay();
		state.say('The recorded path could not be read: HTTP 500');
		assert.equal(state.message, 'The recorded path could not be read: HTTP 500');
		state.applyReply(accepted(state.play().body));
		assert.equal(state.message, null);
	});
});
