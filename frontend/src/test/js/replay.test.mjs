import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ReplayState, appendSample, samplesBefore } from '../../main/resources/static/js/replay.js';
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
		assert.equal(state.playing, true);
		assert.equal(state.label, 'Starting\u2026', 'until its first frame');
		assert.equal(state.applyFrame(frame(500, { fromMs: 0 })), null);
		assert.equal(state.status, 'PLAYING');
		assert.equal(state.label, 'Playing at 1\u00d7');
		assert.equal(state.positionMs, 500);
		assert.equal(state.fleet.drone('d1').position.alt, 0.5);
		assert.equal(state.time, FLIGHT.startedAt + 500);
		state.applyFrame(frame(1000, { fromMs: 600 }));
		assert.equal(state.fleet.drone('d1').timestamp, FLIGHT.startedAt + 1000);
	});

	it('ignores frames of other flights, and frames after the last', () => {
		const state = replay();
		const { body } = state.play();
		state.applyReply(accepted(body));
		state.applyFrame(frame(100, { flightId: 'f-2' }));
		assert.equal(state.positionMs, 0);
		state.applyFrame(frame(60_000, { status: 'ENDED' }));
		assert.equal(state.status, 'ENDED');
		assert.equal(state.playing, false);
		assert.equal(state.label, 'Ended');
		const version = state.version;
		state.applyFrame(frame(200));
		assert.equal(state.status, 'ENDED', 'ENDED is the last frame');
		assert.equal(state.version, version);
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

	it('pauses a replay about to start once it has shown its first state', () => {
		const state = replay();
		state.applyReply(accepted(state.play().body));
		assert.equal(state.pause(), null);
		assert.equal(state.playing, false);
		assert.equal(state.applyFrame({ ...frame(0), states: [] }), null);
		assert.equal(state.applyFrame(frame(100)).body.action, 'PAUSE');
	});

	it('plays again from the start once the replay has ended', () => {
		const state = replay();
		state.applyReply(accepted(state.play().body));
		state.applyFrame(frame(60_000, { status: 'ENDED', fromMs: 59_000 }));
		const again = state.play();
		assert.equal(again.body.action, 'PLAY');
		assert.equal(again.body.offsetMs, 0);
	});

	it('keeps a paused replay paused after a seek: PAUSE once the new replay has shown a state', () => {
		const state = replay();
		state.applyReply(accepted(state.play().body));
		state.applyFrame(frame(5000));
		state.applyReply(accepted(state.pause().body));
		assert.equal(state.label, 'Paused');
		const seek = state.seek(10_050);
		assert.equal(state.playing, false);
		assert.equal(state.applyReply(accepted(seek.body)), null, 'no state there yet');
		assert.equal(state.playing, false);
		assert.equal(state.applyFrame({ ...frame(5000, { status: 'STOPPED' }), states: [] }), null);
		assert.equal(state.applyFrame({ ...frame(10_050), states: [] }), null, 'nothing recorded at 10.05 s');
		assert.equal(state.status, 'PLAYING');
		assert.equal(state.label, 'Paused', 'it pauses again as soon as it can');
		const follow = state.applyFrame(frame(10_100));
		assert.deepEqual(follow.body, { flightId: 'f-1', action: 'PAUSE', commandId: 'r-4' });
		assert.equal(state.fleet.drone('d1').timestamp, FLIGHT.startedAt + 10_100);
		state.applyReply(accepted(follow.body));
		assert.equal(state.status, 'PAUSED');
		assert.equal(state.applyFrame(frame(10_100, { status: 'PAUSED' })), null);
		assert.equal(state.positionMs, 10_100);
	});

	it('pauses a seek while paused at once when a state was recorded where it starts', () => {
		const state = replay();
		state.applyReply(accepted(state.play().body));
		state.applyFrame(frame(0));
		state.applyReply(accepted(state.pause().body));
		const seek = state.seek(20_000);
		assert.equal(state.applyFrame(frame(0, { status: 'PAUSED' })), null);
		assert.equal(state.applyFrame(frame(0, { status: 'STOPPED' })), null);
		assert.equal(state.applyFrame(frame(20_000)), null, 'its PLAY is unanswered');
		assert.equal(state.waiting, true);
		assert.equal(state.applyReply(accepted(seek.body)).body.action, 'PAUSE', 'frames first');
		assert.equal(state.fleet.drone('d1').timestamp, FLIGHT.startedAt + 20_000);
	});

	it('shows a seek\'s new replay, not the STOPPED frame of the one it replaced, when the reply comes first', () => {
		const state = replay();
		state.applyReply(accepted(state.play().body));
		state.applyFrame(frame(5000, { fromMs: 4000 }));
		const seek = state.seek(30_000);
		state.applyFrame(frame(5100), 'the old replay, still on its way');
		assert.equal(state.positionMs, 30_000, 'the slider stays where it was dropped');
		assert.equal(state.applyReply(accepted(seek.body)), null, 'it was playing: it goes on playing');
		assert.equal(state.waiting, true, 'until its first frame');
		assert.equal(state.playing, true);
		state.applyFrame(frame(5100, { status: 'STOPPED' }));
		assert.equal(state.status, 'PLAYING', 'the replaced replay\'s end is not this one\'s');
		assert.equal(state.positionMs, 30_000);
		state.applyFrame(frame(30_000));
		assert.equal(state.waiting, false);
		assert.equal(state.fleet.history('d1').length, 1, 'the trail and charts start again');
		state.applyFrame(frame(30_200, { fromMs: 30_100 }));
		assert.equal(state.positionMs, 30_200);
		assert.equal(state.status, 'PLAYING');
		assert.equal(state.fleet.history('d1')[0].t, FLIGHT.startedAt + 30_000);
	});

	it('keeps the frames of the new replay that came before its PLAY was answered, drops the old one\'s', () => {
		const state = replay();
		state.applyReply(accepted(state.play().body));
		state.applyFrame(frame(40_000));
		const back = state.seek(10_000);
		state.applyFrame(frame(40_100));
		state.applyFrame(frame(40_100, { status: 'STOPPED' }));
		state.applyFrame(frame(10_000));
		state.applyFrame(frame(10_100));
		assert.equal(state.positionMs, 10_000, 'nothing shown while the PLAY is unanswered');
		state.applyReply(accepted(back.body));
		assert.equal(state.positionMs, 10_100);
		assert.equal(state.status, 'PLAYING');
		assert.equal(state.fleet.drone('d1').timestamp, FLIGHT.startedAt + 10_100);
		assert.equal(state.fleet.history('d1')[0].t, FLIGHT.startedAt + 10_000);
	});

	it('tells replays apart by the order of the PLAYs the hub accepted, not by their positions', () => {
		const state = replay();
		state.setSpeed(2);
		const first = state.play();
		const second = state.setSpeed(4);
		assert.equal(second.body.offsetMs, 0, 'both from the start');
		state.applyReply(accepted(first.body));
		state.applyFrame(frame(0));
		state.applyFrame(frame(200, { fromMs: 100 }));
		assert.equal(state.positionMs, 0, 'the first replay, which the second replaces');
		state.applyFrame(frame(200, { status: 'STOPPED' }));
		state.applyReply(accepted(second.body));
		assert.equal(state.waiting, true);
		state.applyFrame(frame(0));
		state.applyFrame(frame(400, { fromMs: 100 }));
		assert.equal(state.positionMs, 400);
		assert.equal(state.label, 'Playing at 4\u00d7');
	});

	it('goes on showing the replay it had when the hub refuses a seek', () => {
		const state = replay();
		state.applyReply(accepted(state.play().body));
		state.applyFrame(frame(3000, { fromMs: 2000 }));
		const seek = state.seek(50_000);
		state.applyFrame(frame(3100));
		state.applyReply({ commandId: seek.body.commandId, status: 'REJECTED', code: 'BUSY', reason: 'the replays are busy: try again' });
		assert.equal(state.message, 'The replay could not start: the replays are busy: try again.');
		assert.equal(state.positionMs, 3100);
		state.applyFrame(frame(3200));
		assert.equal(state.positionMs, 3200);
		assert.equal(state.fleet.drone('d1').timestamp, FLIGHT.startedAt + 3200);
	});

	it('says nothing of a PAUSE refused because the replay had just ended', () => {
		const state = replay();
		state.applyReply(accepted(state.play().body));
		state.applyFrame(frame(59_900));
		const pause = state.pause();
		state.applyFrame(frame(60_000, { status: 'ENDED' }));
		state.applyReply({ commandId: pause.body.commandId, status: 'REJECTED', code: 'COMMAND_DENIED', reason: 'not being replayed' });
		assert.equal(state.message, null);
		assert.equal(state.status, 'ENDED');
		assert.equal(state.play().body.offsetMs, 0);
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

	it('starts a seek\'s trail and charts with the recorded minutes before it, once its first state comes', () => {
		const state = replay();
		const samples = [];
		for (let at = 0; at <= 60_000; at += 100) {
			appendSample(samples, telemetry({ timestamp: FLIGHT.startedAt + at, position: { lat: 1, lon: 2, alt: at / 1000 } }));
		}
		assert.equal(samples.length, 301, 'one sample per 200 ms');
		state.setRecordedHistory(samples);
		state.applyReply(accepted(state.play().body));
		state.applyFrame(frame(2000, { fromMs: 0 }));
		const seek = state.seek(45_000);
		state.applyReply(accepted(seek.body));
		state.applyFrame(frame(2000, { status: 'STOPPED' }));
		state.applyFrame({ ...frame(45_000), states: [] });
		assert.equal(state.fleet.history('d1').at(-1).t, FLIGHT.startedAt + 2000, 'the old trail until a state comes');
		state.applyFrame(frame(45_100));
		const history = state.fleet.history('d1');
		assert.equal(history[0].t, FLIGHT.startedAt);
		assert.equal(history.at(-1).t, FLIGHT.startedAt + 45_000, 'recorded; 45.1 s is within the sample interval');
		state.applyFrame(frame(45_200));
		assert.equal(state.fleet.history('d1').at(-1).t, FLIGHT.startedAt + 45_200);
		assert.equal(state.fleet.history('d1').length, 227);
	});
});

describe('samplesBefore', () => {
	const samples = [{ t: 100 }, { t: 300 }, { t: 500 }, { t: 700 }];

	it('gives the samples of the window before a time, not those at or after it', () => {
		assert.deepEqual(samplesBefore(samples, 500, 250), [{ t: 300 }]);
		assert.deepEqual(samplesBefore(samples, 501, 1000), [{ t: 100 }, { t: 300 }, { t: 500 }]);
		assert.deepEqual(samplesBefore(samples, 100, 1000), []);
		assert.deepEqual(samplesBefore(samples, 10_000, 100), []);
		assert.deepEqual(samplesBefore([], 500, 100), []);
	});
});
