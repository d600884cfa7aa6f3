import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeType, destinations, endpointUrl, fields, payloads, roles } from '../../main/resources/static/js/asyncapi.js';

const schema = (name) => ({ $ref: `#/components/schemas/${name}` });

/** A small document shaped like the hub's /asyncapi.json. */
const api = {
	asyncapi: '3.0.0',
	info: { title: 'Drone Telemetry Hub', version: '1.x' },
	servers: { hub: { host: 'hub.example:8080', pathname: '/ws', protocol: 'stomp' } },
	channels: {
		appCommand: { address: '/app/command', messages: { Command: { $ref: '#/components/messages/Command' } } },
		topicTelemetry: { address: '/topic/telemetry', messages: { DroneState: { $ref: '#/components/messages/DroneState' } } },
		userQueueReplies: { address: '/user/queue/replies', messages: {} },
	},
	operations: {
		receiveAppCommand: {
			action: 'receive', channel: { $ref: '#/channels/appCommand' },
			messages: [{ $ref: '#/channels/appCommand/messages/Command' }],
			reply: { channel: { $ref: '#/channels/userQueueReplies' } }, 'x-roles': ['PILOT', 'ADMIN'],
		},
		sendTopicTelemetry: {
			action: 'send', channel: { $ref: '#/channels/topicTelemetry' }, description: 'Every drone.',
			messages: [{ $ref: '#/channels/topicTelemetry/messages/DroneState' }], 'x-roles': ['OBSERVER', 'PILOT', 'ADMIN'],
		},
	},
	components: {
		messages: { Command: { payload: schema('Command') }, DroneState: { payload: schema('DroneState') } },
		schemas: {
			Command: { oneOf: [schema('Arm'), schema('Takeoff')], discriminator: 'type', description: 'A command.' },
			Arm: { type: 'object', properties: { droneId: { type: 'string' }, type: { const: 'ARM' } }, required: ['droneId', 'type'] },
			Takeoff: {
				type: 'object', description: 'Climbs.',
				properties: { droneId: { type: 'string' }, altitude: { type: 'number', 'x-unit': 'm', description: 'how high' }, type: { const: 'TAKEOFF' } },
				required: ['droneId', 'altitude', 'type'],
			},
			DroneState: {
				type: 'object',
				properties: {
					mode: { allOf: [schema('FlightMode'), { description: 'the flight mode' }] },
					position: { allOf: [schema('Position'), { description: 'where' }] },
					pilot: { type: ['string', 'null'] },
					failsafe: { allOf: [schema('Failsafe-nullable'), { description: 'why' }] },
				},
				required: ['mode', 'position', 'pilot', 'failsafe'],
			},
			FlightMode: { type: 'string', enum: ['HOLD', 'GOTO'] },
			Failsafe: { type: 'string', enum: ['LOW_BATTERY'] },
			'Failsafe-nullable': { anyOf: [{ type: 'null' }, schema('Failsafe')] },
			Position: { type: 'object', properties: { alt: { type: 'number', 'x-unit': 'm' } } },
		},
	},
};

describe('asyncapi', () => {
	it('lists destinations from the client\'s side: SEND where the hub receives, SUBSCRIBE where it sends', () => {
		assert.deepEqual(destinations(api).map(({ frame, address, messages, reply }) => ({ frame, address, messages, reply })), [
			{ frame: 'SEND', address: '/app/command', messages: ['Command'], reply: '/user/queue/replies' },
			{ frame: 'SUBSCRIBE', address: '/topic/telemetry', messages: ['DroneState'], reply: null },
		]);
	});

	it('gathers what each role may do, least privileged first', () => {
		assert.deepEqual(roles(api), [
			{ role: 'OBSERVER', send: [], subscribe: ['/topic/telemetry'] },
			{ role: 'PILOT', send: ['/app/command'], subscribe: ['/topic/telemetry'] },
			{ role: 'ADMIN', send: ['/app/command'], subscribe: ['/topic/telemetry'] },
		]);
	});

	it('names enums with their values, objects as links and nullable types with "or null"', () => {
		const byName = Object.fromEntries(fields(api, api.components.schemas.DroneState).map((field) => [field.name, field]));
		assert.deepEqual([byName.mode.type, byName.mode.values, byName.mode.description], ['FlightMode', ['HOLD', 'GOTO'], 'the flight mode']);
		assert.deepEqual([byName.position.type, byName.position.link], ['Position', 'Position']);
		assert.equal(byName.pilot.type, 'string or null');
		assert.deepEqual([byName.failsafe.type, byName.failsafe.values], ['Failsafe or null', ['LOW_BATTERY']]);
		assert.equal(describeType(api, { type: 'array', items: schema('Position') }).type, 'array of Position');
	});

	it('shows every payload and what it refers to, commands as one variant per type with type first', () => {
		const shown = payloads(api);
		assert.deepEqual(shown.map((payload) => payload.name), ['Command', 'DroneState', 'Position']);
		const takeoff = shown[0].variants[1];
		assert.equal(takeoff.title, 'TAKEOFF');
		assert.deepEqual(takeoff.fields.map((field) => [field.name, field.type, field.unit, field.required]), [
			['type', '"TAKEOFF"', '', true], ['droneId', 'string', '', true], ['altitude', 'number', 'm', true],
		]);
	});

	it('builds the endpoint URL with the page\'s scheme', () => {
		assert.equal(endpointUrl(api, { protocol: 'https:', host: 'other' }), 'wss://hub.example:8080/ws');
		assert.equal(endpointUrl(api, { protocol: 'http:', host: 'other' }), 'ws://hub.example:8080/ws');
	});
});
