// The Node floor server: answers STOMP CONNECT and SUBSCRIBE at /ws with the ws package and,
// every tick, writes one pre-built MESSAGE frame per state to every subscriber, with no broker:
// the floor of what delivering the hub's telemetry costs, beside the Java floor.
//
//   node floor.mjs [--port=18080] [--fleet-size=10] [--rate-hz=10] [--deflate=false]
//
// --deflate=true accepts permessage-deflate when a client offers it (every message compressed,
// as Tomcat does); false refuses it. benchmark/run.sh matches what the hub does.
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { WebSocketServer } from 'ws';
import { CONNECTED, droneTopics, messageFrame, parseFrames, receiptFrame, telemetryJson } from './telemetry.mjs';

const STOMP_VERSIONS = ['v12.stomp', 'v11.stomp', 'v10.stomp'];
const TEXT = { binary: false };

/**
 * Starts the floor server; resolves to its port and a close function once it listens. States
 * are stamped at tick start and ticks keep a fixed rate, catching up after a late one, as the
 * Java floor's scheduleAtFixedRate does.
 */
export function startFloor({ port = 18080, fleetSize = 10, rateHz = 10, deflate = false } = {}) {
	const subscriptions = new Map(); // destination → Set of { socket, id }
	const http = createServer((request, response) => response.writeHead(404).end());
	const server = new WebSocketServer({
		server: http,
		path: '/ws',
		perMessageDeflate: deflate && { threshold: 0 },
		handleProtocols: (offered) => STOMP_VERSIONS.find((version) => offered.has(version)) ?? false,
	});
	server.on('connection', (socket) => {
		const own = new Map(); // subscription id → its entry in subscriptions
		const unsubscribe = (id) => {
			const subscription = own.get(id);
			subscriptions.get(subscription?.destination)?.delete(subscription);
			own.delete(id);
		};
		socket.on('message', (data) => {
			for (const { command, headers } of parseFrames(data.toString())) {
				if (command === 'CONNECT' || command === 'STOMP') {
					socket.send(CONNECTED, TEXT);
				} else if (command === 'SUBSCRIBE') {
					const id = headers.get('id') ?? '';
					const subscription = { socket, id, destination: headers.get('destination') ?? '' };
					unsubscribe(id);
					own.set(id, subscription);
					if (!subscriptions.has(subscription.destination)) {
						subscriptions.set(subscription.destination, new Set());
					}
					subscriptions.get(subscription.destination).add(subscription);
				} else if (command === 'UNSUBSCRIBE') {
					unsubscribe(headers.get('id') ?? '');
				} else if (command === 'DISCONNECT') {
					[...own.keys()].forEach(unsubscribe);
					if (headers.has('receipt')) {
						socket.send(receiptFrame(headers.get('receipt')), TEXT);
					}
				}
			}
		});
		socket.on('close', () => [...own.keys()].forEach(unsubscribe));
		socket.on('error', () => socket.terminate());
	});

	const periodMs = 1000 / rateHz;
	let seq = 0;
	let next = performance.now() + periodMs;
	let timer;
	const tick = () => {
		seq++;
		const timestamp = Date.now();
		for (let drone = 1; drone <= fleetSize; drone++) {
			const json = telemetryJson(drone, seq, timestamp);
			for (const destination of droneTopics(drone)) {
				const frames = new Map(); // subscription id → this state's frame, shared by all who use that id
				for (const { socket, id } of subscriptions.get(destination) ?? []) {
					if (!frames.has(id)) {
						frames.set(id, messageFrame(destination, id, drone, seq, json));
					}
					socket.send(frames.get(id), TEXT);
				}
			}
		}
		next += periodMs;
		timer = setTimeout(tick, Math.max(0, next - performance.now()));
	};
	timer = setTimeout(tick, periodMs);

	return new Promise((resolve, reject) => {
		http.once('error', reject);
		http.listen(port, () => resolve({
			port: http.address().port,
			close: () => {
				clearTimeout(timer);
				server.clients.forEach((socket) => socket.terminate());
				server.close();
				http.close();
			},
		}));
	});
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	const options = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=')));
	const fleetSize = Number(options['fleet-size'] ?? 10);
	const rateHz = Number(options['rate-hz'] ?? 10);
	const deflate = options.deflate === 'true';
	const { port } = await startFloor({ port: Number(options.port ?? 18080), fleetSize, rateHz, deflate });
	console.log(`Node ${process.version} floor server on port ${port}: ${fleetSize} drones at ${rateHz} Hz,`
		+ ` permessage-deflate ${deflate ? 'accepted' : 'refused'}`);
}
