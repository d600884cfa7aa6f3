import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FleetStore } from '../../main/resources/static/js/store.js';
import { telemetry } from './fixtures.mjs';

function storeAt(clock) {
	return new FleetStore({ now: () => clock.now, historyWindowMs: 60_000, sampleIntervalMs: 200, maxEvents: 3 });
}

describe('FleetStore', () => {
	it('keeps the latest state of every drone, in natural id order', () => {
		const store = storeAt({ now: 0 });
		store.applyFleet([telemetry({ droneId: 'd10' }), telemetry({ droneId: 'd2' }), telemetry({ droneId: 'd1' })]);
		store.applyTelemetry(telemetry({ droneId: 'd2', seq: 2, mode: 'ARMED' }));
		assert.deepEqual(store.droneIds(), ['d1', 'd2', 'd10']);
		assert.equal(store.drone('d2').mode, 'ARMED');
		assert.equal(store.drones().length, 3);
	});

	it('ignores a state older than the one it has', () => {
		const store = storeAt({ now: 0 });
		assert.equal(store.applyTelemetry(telemetry({ seq: 5, position: { lat: 0, lon: 0, alt: 5 } })), true);
		assert.equal(store.applyTelemetry(telemetry({ seq: 4, position: { lat: 0, lon: 0, alt: 4 } })), false);
		assert.equal(store.applyTelemetry(telemetry({ seq: 5, position: { lat: 0, lon: 0, alt: 4 } })), false);
		assert.equal(store.drone('d1').position.alt, 5);
	});

	it('accepts sequence numbers from the start again after a new session (restarted hub)', () => {
		const store = storeAt({ now: 0 });
		store.applyTelemetry(telemetry({ seq: 900 }));
		store.connectionStarted();
		assert.equal(store.applyTelemetry(telemetry({ seq: 1, mode: 'ARMED' })), true);
		assert.equal(store.drone('d1').mode, 'ARMED');
		assert.equal(store.applyTelemetry(telemetry({ seq: 1, mode: 'HOLD' })), false);
	});

	it('dispatches one change event per update, naming its kind', () => {
		const store = storeAt({ now: 0 });
		const kinds = [];
		store.addEventListener('change', (event) => kinds.push(event.detail.kind));
		store.applyFleet([telemetry()]);
		store.applyTelemetry(telemetry({ seq: 2 }));
		store.addEvent({ type: 'MODE_CHANGED', droneId: 'd1' });
		store.setConnection('live', 'guest-1');
		assert.deepEqual(kinds, ['fleet', 'telemetry', 'event', 'connection']);
		assert.equal(store.version, 4);
		assert.equal(store.userName, 'guest-1');
		assert.equal(store.connection, 'live');
	});

	it('does not dispatch for an ignored state', () => {
		const store = storeAt({ now: 0 });
		store.applyTelemetry(telemetry({ seq: 3 }));
		let changes = 0;
		store.addEventListener('change', () => changes++);
		store.applyTelemetry(telemetry({ seq: 2 }));
		assert.equal(changes, 0);
	});

	it('tells the age of the latest telemetry by its own clock', () => {
		const clock = { now: 1000 };
		const store = storeAt(clock);
		assert.equal(store.telemetryAge(), null);
		store.applyTelemetry(telemetry());
		clock.now = 1350;
		assert.equal(store.telemetryAge(), 350);
	});

	it('keeps at most one history sample per interval and forgets samples older than the window', () => {
		const store = storeAt({ now: 0 });
		const t0 = 1_000_000;
		for (let i = 0; i < 1000; i++) {
			// 10 Hz for 100 s
			store.applyTelemetry(telemetry({ seq: i, timestamp: t0 + i * 100, position: { lat: 0, lon: 0, alt: i } }));
		}
		const samples = store.history('d1');
		assert.ok(samples.length <= 301 && samples.length >= 299, `kept ${samples.length}`);
		assert.ok(samples[0].t >= samples.at(-1).t - 60_000);
		assert.ok(samples[0].t < samples.at(-1).t - 59_000);
		for (let i = 1; i < samples.length; i++) {
			assert.ok(samples[i].t - samples[i - 1].t >= 200);
		}
		assert.equal(samples.at(-1).alt, 998);
	});

	it('starts a drone\'s history again when the hub\'s clock goes back', () => {
		const store = storeAt({ now: 0 });
		store.applyTelemetry(telemetry({ seq: 1, timestamp: 50_000 }));
		store.applyTelemetry(telemetry({ seq: 2, timestamp: 51_000 }));
		store.connectionStarted();
		store.applyTelemetry(telemetry({ seq: 1, timestamp: 1_000 }));
		assert.deepEqual(store.history('d1').map((s) => s.t), [1_000]);
	});

	it('keeps the newest events first, up to its limit', () => {
		const store = storeAt({ now: 0 });
		for (const detail of ['a', 'b', 'c', 'd']) {
			store.addEvent({ type: 'MODE_CHANGED', droneId: 'd1', detail });
		}
		assert.deepEqual(store.events().map((e) => e.detail), ['d', 'c', 'b']);
		assert.equal(store.eventsVersion, 4);
	});

	it('fills the event log from the recent events of each session, and takes a repeated live event once', () => {
		const store = storeAt({ now: 0 });
		const acquired = { type: 'CONTROL_ACQUIRED', droneId: 'd1', pilot: 'alice', timestamp: 5, detail: 'alice took control' };
		const kinds = [];
		store.addEventListener('change', (event) => kinds.push(event.detail.kind));
		store.connectionStarted();
		store.applyRecentEvents([{ type: 'MODE_CHANGED', droneId: 'd1', timestamp: 4, detail: 'a' }, acquired]);
		assert.equal(store.addEvent({ ...acquired }), false);
		assert.deepEqual(store.events().map((e) => e.detail), ['alice took control', 'a']);
		assert.deepEqual(kinds, ['recent-events'], 'no change for the repeat');
		assert.equal(store.eventsVersion, 1);
	});

	it('ignores messages that are not drone states', () => {
		const store = storeAt({ now: 0 });
		assert.equal(store.applyTelemetry(null), false);
		assert.equal(store.applyTelemetry({ seq: 1 }), false);
		store.applyFleet(null);
		assert.deepEqual(store.droneIds(), []);
	});

	it('forgets every drone and its history when cleared, and takes any seq after', () => {
		const store = storeAt({ now: 0 });
		store.applyTelemetry(telemetry({ seq: 50, timestamp: 10_000 }));
		const version = store.version;
		store.clear();
		assert.deepEqual(store.droneIds(), []);
		assert.deepEqual(store.history('d1'), []);
		assert.equal(store.lastUpdateAt, null);
		assert.ok(store.version > version);
		assert.equal(store.applyTelemetry(telemetry({ seq: 3, timestamp: 1000 })), true);
		assert.equal(store.history('d1').length, 1);
	});

	it('takes a history to go on from, which the next states extend and trim to the window', () => {
		const store = storeAt({ now: 0 });
		const before = [{ t: 1000, alt: 1 }, { t: 50_000, alt: 5 }, { t: 70_000, alt: 7 }];
		store.setHistory('d1', before);
		before.push({ t: 80_000 });
		assert.deepEqual(store.history('d1').map((sample) => sample.t), [1000, 50_000, 70_000], 'a copy');
		store.applyTelemetry(telemetry({ seq: 9, timestamp: 70_100 }));
		assert.equal(store.history('d1').length, 3, 'within the sample interval of the last');
		store.applyTelemetry(telemetry({ seq: 10, timestamp: 70_400, position: { lat: 1, lon: 2, alt: 8 } }));
		assert.deepEqual(store.history('d1').map((sample) => sample.t), [50_000, 70_000, 70_400]);
		assert.deepEqual(store.history('d1')[2], { t: 70_400, lat: 1, lon: 2, alt: 8, battery: 100 });
	});
});
