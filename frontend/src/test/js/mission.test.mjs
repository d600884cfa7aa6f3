import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_WAYPOINTS, MissionPlan, missionProgressLabel } from '../../main/resources/static/js/mission-plan.js';
import { MissionRoutes } from '../../main/resources/static/js/mission-routes.js';
import { describeRequest, missionRequest, missionUpload } from '../../main/resources/static/js/wire.js';
import { FleetStore } from '../../main/resources/static/js/store.js';
import { telemetry } from './fixtures.mjs';

const HOME = { lat: -22.9519, lon: -43.2105 };

describe('MissionPlan', () => {
	it('adds, moves, re-heights and removes waypoints, keeping a selection', () => {
		const plan = new MissionPlan();
		let changes = 0;
		plan.addEventListener('change', () => changes++);
		plan.add(HOME.lat, HOME.lon, 20);
		plan.add(HOME.lat + 0.0003, HOME.lon, 20);
		plan.add(HOME.lat + 0.0003, HOME.lon + 0.0003, 25);
		assert.equal(plan.selected, 2);
		plan.move(1, HOME.lat + 0.0002, HOME.lon);
		plan.setAltitude(0, 30);
		plan.setAltitude(0, Number.NaN);
		assert.deepEqual(plan.waypoints.map((p) => p.altitude), [30, 20, 25]);
		plan.remove(1);
		assert.equal(plan.waypoints.length, 2);
		assert.equal(plan.selected, 1, 'the one after it');
		plan.remove(1);
		assert.equal(plan.selected, 0, 'the new last one');
		assert.equal(changes, 7);
	});

	it('finds the waypoint near a click, within a radius', () => {
		const plan = new MissionPlan();
		plan.add(HOME.lat, HOME.lon, 20);
		plan.add(HOME.lat + 0.001, HOME.lon, 20);
		assert.equal(plan.nearest(HOME.lat + 0.00002, HOME.lon, 5), 0);
		assert.equal(plan.nearest(HOME.lat + 0.0005, HOME.lon, 5), -1);
		assert.ok(Math.abs(plan.length() - 111.2) < 0.5);
	});

	it('stops at the most waypoints the hub takes', () => {
		const plan = new MissionPlan();
		for (let i = 0; i < MAX_WAYPOINTS; i++) {
			assert.equal(plan.add(HOME.lat + i * 1e-5, HOME.lon, 20), true);
		}
		assert.equal(plan.add(HOME.lat, HOME.lon, 20), false);
		assert.equal(plan.waypoints.length, 100);
	});

	it('makes the upload the contract names, rounded to what the hub keeps', () => {
		const plan = new MissionPlan();
		plan.add(-22.951912345678, -43.21051234567, 20.04);
		assert.deepEqual(plan.upload('d1', 'survey', 'RTL', 'c-1'), {
			droneId: 'd1', missionId: 'survey', finish: 'RTL', commandId: 'c-1',
			items: [{ lat: -22.9519123, lon: -43.2105123, altitude: 20 }],
		});
		assert.throws(() => missionUpload('d1', 'm', [], 'HOVER'), RangeError);
		assert.deepEqual(missionRequest('d1', 'START', 'c-2'), { droneId: 'd1', action: 'START', commandId: 'c-2' });
		assert.throws(() => missionRequest('d1', 'UPLOAD'), RangeError);
		assert.equal(describeRequest(plan.upload('d1', 'survey', 'RTL')), 'upload mission survey (1 waypoints) for d1');
		assert.equal(describeRequest(missionRequest('d1', 'PAUSE')), 'pause d1\u2019s mission');
	});

	it('says where a drone is with its mission', () => {
		assert.equal(missionProgressLabel(undefined), '');
		assert.equal(missionProgressLabel({ missionId: 'm', current: 0, total: 4, state: 'READY' }), 'm: ready, 4 waypoints');
		assert.equal(missionProgressLabel({ missionId: 'm', current: 1, total: 4, state: 'ACTIVE' }), 'm: flying to waypoint 2 of 4');
		assert.equal(missionProgressLabel({ missionId: 'm', current: 1, total: 4, state: 'PAUSED' }), 'm: paused at waypoint 2 of 4');
		assert.equal(missionProgressLabel({ missionId: 'm', current: 4, total: 4, state: 'FINISHED' }), 'm: finished, 4 of 4');
	});
});

describe('MissionRoutes', () => {
	it('loads a drone\'s route when its telemetry shows a new mission, and drops it when the mission goes', async () => {
		const store = new FleetStore({ now: () => 0 });
		const loads = [];
		let changed = 0;
		const routes = new MissionRoutes(store, {
			load: async (droneId) => {
				loads.push(droneId);
				return { items: [{ lat: 1, lon: 2, altitude: 20 }, { lat: 3, lon: 4, altitude: 20 }] };
			},
			onChange: () => changed++,
		});
		const mission = { missionId: 'm', current: 0, total: 2, state: 'READY' };
		store.applyTelemetry(telemetry({ seq: 1 }));
		assert.deepEqual(loads, []);
		store.applyTelemetry(telemetry({ seq: 2, mission }));
		store.applyTelemetry(telemetry({ seq: 3, mission: { ...mission, current: 1, state: 'ACTIVE' } }));
		await new Promise((resolve) => setImmediate(resolve));
		assert.deepEqual(loads, ['d1'], 'once for one mission');
		assert.deepEqual(routes.routes(), [{ droneId: 'd1', points: [{ lat: 1, lon: 2 }, { lat: 3, lon: 4 }], current: 1 }]);
		store.addEvent({ type: 'MISSION_UPLOADED', droneId: 'd1', timestamp: 1, detail: 'again' });
		await new Promise((resolve) => setImmediate(resolve));
		assert.deepEqual(loads, ['d1', 'd1'], 'again after an upload of the same name and length');
		store.applyTelemetry(telemetry({ seq: 4 }));
		assert.deepEqual(routes.routes(), []);
		assert.ok(changed >= 3);
	});
});
