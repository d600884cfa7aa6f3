import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { endReasonLabel, flightFacts } from '../../main/resources/static/js/flight-facts.js';

const FLIGHT = {
	id: 'f-1', droneId: 'd1', pilots: ['alice', 'bob'], startedAt: new Date(2026, 11, 1, 9, 3, 7).getTime(),
	endedAt: new Date(2026, 11, 1, 9, 5, 19).getTime(), endReason: 'DISARMED', maxAltitude: 15, distance: 1234.5,
	batteryUsed: 3.14, frames: 1321,
};

describe('flightFacts', () => {
	it('gives a flight\'s numbers in words and units, in the order the page shows them', () => {
		assert.deepEqual(flightFacts(FLIGHT).map((fact) => [fact.key, fact.text]), [
			['drone', 'd1'], ['pilots', 'alice, bob'], ['start', '2026-12-01 09:03:07'], ['duration', '2:12'],
			['endReason', 'Disarmed'], ['maxAltitude', '15.0 m'], ['distance', '1.23 km'], ['batteryUsed', '3.1 %'],
			['frames', '1,321'],
		]);
	});

	it('says a flight under way is flying, and names why one ended', () => {
		const flying = flightFacts({ ...FLIGHT, endedAt: null, endReason: null, pilots: [] });
		assert.equal(flying.find((fact) => fact.key === 'duration').text, 'flying');
		assert.equal(flying.find((fact) => fact.key === 'endReason').text, '—');
		assert.equal(flying.find((fact) => fact.key === 'pilots').text, 'nobody');
		assert.equal(endReasonLabel({ ...FLIGHT, endReason: 'HUB_STOPPED' }), 'Hub stopped');
		assert.equal(endReasonLabel({ ...FLIGHT, endReason: 'LOW_BATTERY' }), 'Low battery');
		assert.equal(endReasonLabel({ ...FLIGHT, endReason: 'LINK_LOST' }), 'Pilot link lost');
	});
});
