/**
 * The hub connection: the only module that knows STOMP. It connects, reconnects after the hub
 * goes away, subscribes again on every new session, and hands plain objects to listeners as
 * events:
 * - {@code state}: detail {@code {state, userName}}, state one of connecting, live, reconnecting, lost
 * - {@code telemetry}: detail one drone state
 * - {@code fleet}: detail the array of every drone's latest state
 * - {@code hubevent}: detail one event from /topic/events
 * - {@code recentevents}: detail the array of the hub's latest events, oldest first
 * - {@code reply}: detail one reply from /user/queue/replies
 * - {@code huberror}: detail one error from /user/queue/errors
 * - {@code replay}: detail one frame of this session's replay from /user/queue/replay
 * - {@code refused}: detail {@code {message}} when the hub refused the connection (STOMP ERROR)
 *
 * A page follows only what it shows: {@link LIVE} (the default), {@link PILOT} or {@link REPLAY}.
 */
import { Client, ReconnectionTimeMode } from '/webjars/stomp__stompjs/esm6/index.js';
import { Destinations } from './wire.js';

/** After this long without a session the state turns from reconnecting to lost (retries go on). */
const LOST_AFTER_MS = 15000;

/** What a live page follows: every drone's telemetry, the events, and its requests' answers. */
export const LIVE = Object.freeze(['telemetry', 'fleet', 'hubevent', 'recentevents', 'reply', 'huberror']);

/** What a pilot's console follows: what a live page does, and other pilots' requests for its drones. */
export const PILOT = Object.freeze([...LIVE, 'controlrequest']);

/** What a replay follows: its requests' answers and its replay's frames, no live telemetry. */
export const REPLAY = Object.freeze(['reply', 'huberror', 'replay']);

export class HubConnection extends EventTarget {

	#client = null;

	#state = 'connecting';

	#userName = null;

	#lostTimer = null;

	#url;

	#credentials = {};

	#follows;

	#telemetryHeaders;

	/**
	 * @param {string} url the broker URL, see wire.js brokerUrl
	 * @param {{follow?: readonly string[], telemetryRateHz?: number|null}} [options] the events to
	 * subscribe for: {@link LIVE} or {@link REPLAY}; the states per drone per second the telemetry
	 * subscription asks for (its {@code rate-hz} header), or null for every tick
	 */
	constructor(url, { follow = LIVE, telemetryRateHz = null } = {}) {
		super();
		this.#url = url;
		this.#follows = new Set(follow);
		this.#telemetryHeaders = (telemetryRateHz == null) ? {} : { 'rate-hz': String(telemetryRateHz) };
	}

	get state() {
		return this.#state;
	}

	/** The user name the hub gave this session (CONNECTED frame's user-name header), or null. */
	get userName() {
		return this.#userName;
	}

	/**
	 * Connects, or reconnects with new credentials (sent as the CONNECT frame's login and passcode).
	 * @param {{login?: string, passcode?: string}} [credentials]
	 */
	async start(credentials = this.#credentials) {
		this.#credentials = credentials;
		if (this.#client) {
			const old = this.#client;
			this.#client = null;
			await old.deactivate();
		}
		const connectHeaders = {};
		if (credentials.login) {
			connectHeaders.login = credentials.login;
			connectHeaders.passcode = credentials.passcode ?? '';
		}
		const client = new Client({
			brokerURL: this.#url,
			connectHeaders,
			reconnectDelay: 500,
			maxReconnectDelay: 4000,
			reconnectTimeMode: ReconnectionTimeMode.EXPONENTIAL,
			heartbeatIncoming: 10000,
			heartbeatOutgoing: 10000,
			connectionTimeout: 5000,
			debug: () => {},
		});
		client.onConnect = (frame) => this.#connected(client, frame);
		client.onWebSocketClose = () => this.#disconnected(client);
		client.onStompError = (frame) => {
			const message = frame.headers.message || frame.body || 'the hub refused the connection';
			this.dispatchEvent(new CustomEvent('refused', { detail: { message } }));
		};
		this.#client = client;
		this.#setState('connecting');
		client.activate();
	}

	/**
	 * Sends a JSON body to an application destination.
	 * @returns {boolean} false when there is no live session (nothing was sent)
	 */
	send(destination, body) {
		if (!this.#client || !this.#client.connected) {
			return false;
		}
		this.#client.publish({
			destination,
			body: JSON.stringify(body),
			headers: { 'content-type': 'application/json' },
		});
		return true;
	}

	#connected(client, frame) {
		if (client !== this.#client) {
			return;
		}
		this.#userName = frame.headers['user-name'] ?? null;
		const json = (handler) => (message) => {
			let body;
			try {
				body = JSON.parse(message.body);
			}
			catch {
				return;
			}
			handler(body);
		};
		const emit = (type) => json((body) => this.dispatchEvent(new CustomEvent(type, { detail: body })));
		const follow = (destination, type, headers = {}) => {
			if (this.#follows.has(type)) {
				client.subscribe(destination, emit(type), headers);
			}
		};
		follow(Destinations.telemetry, 'telemetry', this.#telemetryHeaders);
		follow(Destinations.events, 'hubevent');
		follow(Destinations.replies, 'reply');
		follow(Destinations.errors, 'huberror');
		follow(Destinations.replayFrames, 'replay');
		follow(Destinations.controlRequests, 'controlrequest');
		// the hub answers these once, at once: every drone's latest state, and the latest events
		// (after subscribing to /topic/events, so that no event falls between the two)
		const answeredOnce = (destination, type) => {
			if (!this.#follows.has(type)) {
				return;
			}
			const subscription = client.subscribe(destination, json((body) => {
				subscription.unsubscribe();
				this.dispatchEvent(new CustomEvent(type, { detail: body }));
			}));
		};
		answeredOnce(Destinations.fleet, 'fleet');
		answeredOnce(Destinations.recentEvents, 'recentevents');
		this.#setState('live');
	}

	#disconnected(client) {
		if (client !== this.#client) {
			return;
		}
		if (this.#state === 'live') {
			this.#setState('reconnecting');
		}
	}

	#setState(state) {
		if (state === 'live') {
			clearTimeout(this.#lostTimer);
			this.#lostTimer = null;
		}
		else if (this.#lostTimer == null) {
			this.#lostTimer = setTimeout(() => {
				this.#lostTimer = null;
				if (this.#state !== 'live') {
					this.#setState('lost');
				}
			}, LOST_AFTER_MS);
		}
		if (state !== this.#state || state === 'live') {
			this.#state = state;
			this.dispatchEvent(new CustomEvent('state', { detail: { state, userName: this.#userName } }));
		}
	}

}
