import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeNode, dronesByNode, isCluster } from '../../main/resources/static/js/cluster.js';

const TWO_NODES = {
	nodes: [
		{ id: 'a', alive: true, drones: ['d2', 'd3'] },
		{ id: 'b', alive: true, drones: ['d1'] },
		{ id: 'c', alive: false, drones: [] },
	],
};

describe('dronesByNode', () => {
	it('names the live node that simulates each drone', () => {
		assert.deepEqual([...dronesByNode(TWO_NODES)], [['d2', 'a'], ['d3', 'a'], ['d1', 'b']]);
	});

	it('is empty for a hub of one node, or no answer', () => {
		assert.equal(dronesByNode({ nodes: [{ id: 'local', alive: true, drones: ['d1', 'd2'] }] }).size, 0);
		assert.equal(dronesByNode(null).size, 0);
		assert.equal(isCluster(undefined), false);
		assert.equal(isCluster(TWO_NODES), true);
	});
});

describe('describeNode', () => {
	it('says how many drones a node simulates and which', () => {
		assert.equal(describeNode(TWO_NODES.nodes[0]), 'a — 2 drones: d2, d3');
		assert.equal(describeNode(TWO_NODES.nodes[1]), 'b — 1 drone: d1');
		assert.equal(describeNode({ id: 'd', alive: true, drones: [] }), 'd — no drones');
	});

	it('says a node does not answer', () => {
		assert.equal(describeNode(TWO_NODES.nodes[2]), 'c — not answering');
	});
});
