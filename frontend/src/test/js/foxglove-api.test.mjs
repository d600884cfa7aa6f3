import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FOXGLOVE_CHANNELS, foxgloveUrl } from '../../main/resources/static/js/foxglove-api.js';

describe('foxglove-api', () => {
	it('gives the endpoint on the page\'s own host, wss: for a page served over https:', () => {
		assert.equal(foxgloveUrl({ protocol: 'http:', host: 'localhost:8080' }), 'ws://localhost:8080/foxglove');
		assert.equal(foxgloveUrl({ protocol: 'https:', host: 'hub.example.org' }), 'wss://hub.example.org/foxglove');
	});

	it('lists each topic once, with its schema', () => {
		const topics = FOXGLOVE_CHANNELS.map((channel) => channel.topic);
		assert.equal(new Set(topics).size, topics.length);
		assert.ok(FOXGLOVE_CHANNELS.every((channel) => channel.schema && channel.contents.split('`').length % 2 === 1));
	});
});
