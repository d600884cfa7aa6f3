import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ControlledDrones } from '../../main/resources/static/js/controlled-drones.js';
import { FleetStore } from '../../main/resources/static/js/store.js';
import { telemetry } from './fixtures.mjs';

const ACCEPTED = { status: 'ACCEPTED', code: null, reason: null };

/** A live session of alice, in control of the given drones, and the changes it saw. */
function signedIn(...droneIds) {
	const store = new FleetStore();
	store.setConnection('live', 'alice');
	const controlled = new ControlledDrones(store);
	droneIds.forEach((droneId, index) => controlled.replied({ ...ACCEPTED, commandId: `c-${index}`, droneId },
			{ droneId, action: 'ACQUIRE', commandId: `c-${index}` }));
	const changes = [];
	controlled.addEventListener('change', (event) => changes.push(event.detail));
	return { store, controlled, changes };
}

describe('ControlledDrones', () => {
	it('adds a drone when the hub accepts taking control, and removes it when it accepts releasing', () => {
		const { controlled, changes } = signedIn();
		controlled.replied({ ...ACCEPTED, commandId: 'c-1', droneId: 'd1' }, { droneId: 'd1', action: 'ACQUIRE', commandId: 'c-1' });
		assert.equal(controlled.has('d1'), true);
		assert.equal(controlled.has('d2'), false);

		controlled.replied({ ...ACCEPTED, commandId: 'c-2', droneId: 'd1' }, { droneId: 'd1', action: 'RELEASE', commandId: 'c-2' });
		assert.equal(controlled.has('d1'), false);
		assert.deepEqual(changes, [{ droneId: 'd1', controlled: true }, { droneId: 'd1', controlled: false }]);
	});

	it('adds a drone another pilot granted, and removes one this pilot granted or another was granted', () => {
		const { controlled, changes, store } = signedIn('d2');
		controlled.replied({ ...ACCEPTED, commandId: 'c-1', droneId: 'd1' }, { droneId: 'd1', action: 'REQUEST', commandId: 'c-1' });
		controlled.replied({ ...ACCEPTED, commandId: 'c-2', droneId: 'd2' },
				{ droneId: 'd2', action: 'GRANT', requestId: 'r-1', commandId: 'c-2' });
		assert.equal(controlled.has('d1'), true);
		assert.equal(controlled.has('d2'), false);
		store.addEvent({ type: 'CONTROL_GRANTED', droneId: 'd1', pilot: 'bob', timestamp: 1, detail: 'bob took control' });
		assert.equal(controlled.has('d1'), false);
		assert.deepEqual(changes, [{ droneId: 'd1', controlled: true }, { droneId: 'd2', controlled: false },
			{ droneId: 'd1', controlled: false }]);
	});

	it('keeps a drone handed over while the states from before the handover still name its old pilot', () => {
		const store = new FleetStore();
		store.setConnection('live', 'bob');
		const controlled = new ControlledDrones(store);
		store.applyFleet([telemetry({ droneId: 'd1', seq: 5, pilot: 'alice' }), telemetry({ droneId: 'd2', seq: 5 })]);
		controlled.replied({ ...ACCEPTED, commandId: 'c-1', droneId: 'd1' }, { droneId: 'd1', action: 'REQUEST', commandId: 'c-1' });

		store.applyTelemetry(telemetry({ droneId: 'd2', seq: 6 }));
		assert.equal(controlled.has('d1'), true);
		store.applyTelemetry(telemetry({ droneId: 'd1', seq: 6, pilot: 'bob' }));
		assert.equal(controlled.has('d1'), true);
		store.applyTelemetry(telemetry({ droneId: 'd1', seq: 7, pilot: 'carol' }));
		assert.equal(controlled.has('d1'), false);
	});

	it('is unchanged by rejected control requests, accepted commands and replies to unknown requests', () => {
		const { controlled, changes } = signedIn('d2');
		controlled.replied({ commandId: 'c-1', droneId: 'd1', status: 'REJECTED', code: 'BUSY', reason: null },
				{ droneId: 'd1', action: 'ACQUIRE', commandId: 'c-1' });
		controlled.replied({ ...ACCEPTED, commandId: 'c-2', droneId: 'd2' }, { droneId: 'd2', type: 'ARM', commandId: 'c-2' });
		controlled.replied({ ...ACCEPTED, commandId: 'c-3', droneId: 'd3' });
		assert.equal(controlled.has('d1'), false);
		assert.equal(controlled.has('d2'), true);
		assert.deepEqual(changes, []);
	});

	it('forgets a drone when a command is rejected because the pilot is not, or no longer, in control', () => {
		const { controlled, changes } = signedIn('d1', 'd2');
		controlled.replied({ commandId: 'c-9', droneId: 'd1', status: 'REJECTED', code: 'NOT_IN_CONTROL', reason: null },
				{ droneId: 'd1', type: 'MOVE', commandId: 'c-9' });
		controlled.replied({ commandId: 'c-10', droneId: 'd2', status: 'REJECTED', code: 'CONTROLLED_BY_OTHER', reason: null });
		assert.equal(controlled.has('d1'), false);
		assert.equal(controlled.has('d2'), false);
		assert.deepEqual(changes, [{ droneId: 'd1', controlled: false }, { droneId: 'd2', controlled: false }]);
	});

	it('forgets a drone when an event says this pilot released it or another pilot took it', () => {
		const { store, controlled } = signedIn('d1', 'd2', 'd3');
		store.addEvent({ type: 'CONTROL_RELEASED', droneId: 'd1', pilot: 'alice' });
		store.addEvent({ type: 'CONTROL_ACQUIRED', droneId: 'd2', pilot: 'bob' });
		store.addEvent({ type: 'CONTROL_ACQUIRED', droneId: 'd3', pilot: 'alice' });
		store.addEvent({ type: 'CONTROL_RELEASED', droneId: 'd3', pilot: 'bob' });
		store.addEvent({ type: 'MODE_CHANGED', droneId: 'd3', pilot: 'bob' });
		assert.deepEqual(['d1', 'd2', 'd3'].filter((id) => controlled.has(id)), ['d3']);
	});

	it('forgets a drone when its telemetry names another pilot, when the telemetry arrives', () => {
		const { store, controlled, changes } = signedIn('d1', 'd2');
		store.applyFleet([telemetry({ droneId: 'd1', pilot: 'alice' }), telemetry({ droneId: 'd2', pilot: null })]);
		assert.deepEqual(changes, []);

		store.applyTelemetry(telemetry({ droneId: 'd1', seq: 2, pilot: 'bob' }));
		assert.equal(controlled.has('d1'), false);
		assert.equal(controlled.has('d2'), true);
		assert.deepEqual(changes, [{ droneId: 'd1', controlled: false }]);

		store.applyFleet([telemetry({ droneId: 'd2', seq: 2, pilot: 'carol' })]);
		assert.equal(controlled.has('d2'), false);
	});

	it('forgets every drone when the session ends, and stays empty when the next one starts', () => {
		const { store, controlled, changes } = signedIn('d1', 'd2');
		store.setConnection('reconnecting');
		assert.equal(controlled.has('d1'), false);
		assert.equal(controlled.has('d2'), false);
		assert.deepEqual(changes, [{ droneId: 'd1', controlled: false }, { droneId: 'd2', controlled: false }]);

		store.setConnection('live', 'alice');
		assert.equal(controlled.has('d1'), false);
	});
});
