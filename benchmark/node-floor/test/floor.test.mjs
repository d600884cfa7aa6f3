// The Node floor server as the benchmark's generator uses it: a real ws client offering the STOMP
// sub-protocols and permessage-deflate, CONNECT, SUBSCRIBE, then the MESSAGE frames of the ticks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import WebSocket from 'ws';
import { startFloor } from '../floor.mjs';
import { parseFrames, telemetryJson } from '../telemetry.mjs';

// written by the Java module's TelemetryPayload, checked there by TelemetryPayloadTests
const JAVA_PAYLOADS = new URL('../../src/test/resources/telemetry-payloads.txt', import.meta.url);

// each awaits frames: without a limit a floor that stopped sending would hang the build
const LIMIT = { timeout: 5000 };

const floors = [];
after(() => floors.forEach((floor) => floor.close()));

async function floor(options) {
	const started = await startFloor({ port: 0, fleetSize: 3, rateHz: 50, ...options });
	floors.push(started);
	return started;
}

/** Connects a spectator and resolves with it and a function awaiting its next MESSAGE frames. */
async function spectator(port, ...destinations) {
	const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`, ['v12.stomp', 'v11.stomp', 'v10.stomp']);
	const waiting = [];
	const received = [];
	socket.on('message', (data) => {
		const text = data.toString();
		received.push({ text, frame: parseFrames(text)[0] });
		while (waiting.length > 0 && received.length > 0) {
			waiting.shift()(received.shift());
		}
	});
	const next = () => new Promise((resolve) => {
		if (received.length > 0) {
			resolve(received.shift());
		} else {
			waiting.push(resolve);
		}
	});
	await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
	socket.send('CONNECT\naccept-version:1.2\nheart-beat:0,0\nlogin:bench\npasscode:bench\n\n\0');
	assert.equal((await next()).frame.command, 'CONNECTED');
	destinations.forEach((destination, i) => socket.send(`SUBSCRIBE\nid:sub-${i}\ndestination:${destination}\nack:auto\n\n\0`));
	return { socket, next };
}

test('a spectator of one drone\'s topic gets each of its states once, in order, shaped like the hub\'s', LIMIT, async () => {
	const { port } = await floor();
	const { socket, next } = await spectator(port, '/topic/drones/d2/telemetry');
	assert.equal(socket.protocol, 'v12.stomp');
	const seqs = [];
	for (let i = 0; i < 5; i++) {
		const { text, frame } = await next();
		assert.equal(frame.command, 'MESSAGE');
		assert.equal(frame.headers.get('destination'), '/topic/drones/d2/telemetry');
		assert.equal(frame.headers.get('subscription'), 'sub-0');
		const body = text.slice(text.indexOf('\n\n') + 2, -1);
		assert.equal(Number(frame.headers.get('content-length')), Buffer.byteLength(body));
		const state = JSON.parse(body);
		assert.equal(state.droneId, 'd2');
		assert.equal(frame.headers.get('message-id'), `d2-${state.seq}`);
		assert.equal(body, telemetryJson(2, state.seq, state.timestamp));
		seqs.push(state.seq);
	}
	assert.deepEqual(seqs, seqs.map((seq, i) => seqs[0] + i));
	socket.close();
});

test('a spectator of the fleet topic gets every drone\'s state each tick', LIMIT, async () => {
	const { port } = await floor();
	const { socket, next } = await spectator(port, '/topic/telemetry');
	const drones = [];
	for (let i = 0; i < 6; i++) {
		const { text } = await next();
		drones.push(JSON.parse(text.slice(text.indexOf('\n\n') + 2, -1)).droneId);
	}
	assert.deepEqual(drones, ['d1', 'd2', 'd3', 'd1', 'd2', 'd3']);
	socket.close();
});

test('permessage-deflate is refused unless asked for, as the hub refuses it by default', LIMIT, async () => {
	const refusing = await spectator((await floor()).port, '/topic/telemetry');
	assert.equal(refusing.socket.extensions, '');
	const accepting = await spectator((await floor({ deflate: true })).port, '/topic/telemetry');
	assert.match(accepting.socket.extensions, /^permessage-deflate/);
	assert.equal((await accepting.next()).frame.command, 'MESSAGE');
	refusing.socket.close();
	accepting.socket.close();
});

test('a DISCONNECT that asks for a receipt gets it', LIMIT, async () => {
	const { port } = await floor();
	const { socket, next } = await spectator(port, '/topic/telemetry');
	socket.send('DISCONNECT\nreceipt:bye\n\n\0');
	let answer = await next();
	while (answer.frame.command === 'MESSAGE') {
		answer = await next();
	}
	assert.equal(answer.frame.command, 'RECEIPT');
	assert.equal(answer.frame.headers.get('receipt-id'), 'bye');
	socket.close();
});

test('the bodies are those of the Java floor, character for character', LIMIT, () => {
	const lines = readFileSync(JAVA_PAYLOADS, 'utf8').split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
	assert.ok(lines.length > 0);
	for (const line of lines) {
		const [drone, seq, timestamp, json] = line.split(' ');
		assert.equal(telemetryJson(Number(drone), Number(seq), Number(timestamp)), json);
	}
});
