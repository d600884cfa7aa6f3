/**
 * The hub's STOMP contract (v1) as plain data: where to connect, the destinations, the request
 * bodies, and replies put into plain words. Pure: no STOMP client, no DOM.
 */

export const Destinations = Object.freeze({
	telemetry: '/topic/telemetry',
	fleet: '/app/fleet',
	events: '/topic/events',
	recentEvents: '/app/events',
	replies: '/user/queue/replies',
	errors: '/user/queue/errors',
	control: '/app/control',
	command: '/app/command',
	mission: '/app/mission',
	replay: '/app/replay',
	replayFrames: '/user/queue/replay',
	controlRequests: '/user/queue/control-requests',
});

/** The WebSocket URL of the hub that served this page: ws: for http:, wss: for https:. */
export function brokerUrl(location) {
	const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
	return `${scheme}//${location.host}/ws`;
}

/** The flight commands of the contract, with what each needs. */
export const COMMAND_TYPES = Object.freeze(['ARM', 'DISARM', 'TAKEOFF', 'LAND', 'RTL', 'HOLD', 'GOTO', 'NUDGE', 'MOVE']);

/** A number with no more decimals than a request needs, e.g. 7 for a latitude. */
export function rounded(value, digits) {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

/** Makes command ids unique within this page: "c-<prefix>-<n>". */
export function commandIds(prefix = Math.random().toString(36).slice(2, 6)) {
	let next = 0;
	return () => `c-${prefix}-${++next}`;
}

/** The control actions a console sends (FORCE_RELEASE is an ADMIN's, not the console's). */
export const CONTROL_ACTIONS = Object.freeze(['ACQUIRE', 'RELEASE', 'REQUEST', 'GRANT', 'DENY', 'ALLOW_TAKEOVER']);

/**
 * The body of an {@code /app/control} request.
 * @param {string} droneId
 * @param {string} action one of {@link CONTROL_ACTIONS}
 * @param {string} [commandId]
 * @param {object} [fields] the action's own fields: timeoutS (REQUEST), requestId (GRANT, DENY), allow
 *     (ALLOW_TAKEOVER)
 */
export function controlRequest(droneId, action, commandId, fields = {}) {
	if (!CONTROL_ACTIONS.includes(action)) {
		throw new RangeError(`unknown control action ${action}`);
	}
	return { droneId, action, ...fields, commandId };
}

/**
 * The body of an {@code /app/command} request.
 * @param {string} droneId
 * @param {string} type one of {@link COMMAND_TYPES}
 * @param {object} fields the type's own fields (altitude, lat, lon, direction, distance, forward…)
 * @param {string} [commandId]
 */
export function commandRequest(droneId, type, fields = {}, commandId = undefined) {
	if (!COMMAND_TYPES.includes(type)) {
		throw new RangeError(`unknown command type ${type}`);
	}
	const body = { droneId, type, ...fields };
	if (commandId !== undefined) {
		body.commandId = commandId;
	}
	return body;
}

/** What a mission request may ask besides an upload. */
export const MISSION_ACTIONS = Object.freeze(['START', 'PAUSE', 'RESUME', 'CLEAR']);

/** What a drone does after its mission's last waypoint. */
export const MISSION_FINISHES = Object.freeze(['HOLD', 'RTL', 'LAND']);

/**
 * The body of an {@code /app/mission} upload.
 * @param {string} droneId
 * @param {string} missionId
 * @param {{lat:number, lon:number, altitude:number, speed?:number, holdS?:number}[]} items
 * @param {string} finish one of {@link MISSION_FINISHES}
 * @param {string} [commandId]
 */
export function missionUpload(droneId, missionId, items, finish, commandId = undefined) {
	if (!MISSION_FINISHES.includes(finish)) {
		throw new RangeError(`unknown mission finish ${finish}`);
	}
	return { droneId, missionId, items, finish, commandId };
}

/**
 * The body of an {@code /app/mission} START, PAUSE, RESUME or CLEAR.
 * @param {string} droneId
 * @param {string} action one of {@link MISSION_ACTIONS}
 * @param {string} [commandId]
 */
export function missionRequest(droneId, action, commandId = undefined) {
	if (!MISSION_ACTIONS.includes(action)) {
		throw new RangeError(`unknown mission action ${action}`);
	}
	return { droneId, action, commandId };
}

/** The speeds a replay plays at, times real time. */
export const REPLAY_SPEEDS = Object.freeze([0.25, 0.5, 1, 2, 4, 8, 16, 32]);

/** What an {@code /app/replay} request may ask: PLAY (from an offset, at a speed) and the rest. */
export const REPLAY_ACTIONS = Object.freeze(['PLAY', 'PAUSE', 'RESUME', 'STOP']);

/**
 * The body of an {@code /app/replay} request.
 * @param {string} flightId
 * @param {string} action one of {@link REPLAY_ACTIONS}
 * @param {{speed?: number, offsetMs?: number}} [fields] PLAY's speed and where to start, ms into the flight
 * @param {string} [commandId]
 */
export function replayRequest(flightId, action, { speed, offsetMs } = {}, commandId = undefined) {
	if (!REPLAY_ACTIONS.includes(action)) {
		throw new RangeError(`unknown replay action ${action}`);
	}
	const body = { flightId, action };
	if (action === 'PLAY') {
		if (!REPLAY_SPEEDS.includes(speed)) {
			throw new RangeError(`a replay plays at ${REPLAY_SPEEDS.join(', ')} times, not ${speed}`);
		}
		body.speed = speed;
		body.offsetMs = Math.max(0, Math.round(offsetMs ?? 0));
	}
	if (commandId !== undefined) {
		body.commandId = commandId;
	}
	return body;
}

/** A command, control or mission request in words, e.g. "TAKEOFF to 15 m" or "take control". */
export function describeRequest(body) {
	if (Array.isArray(body.items)) {
		return `upload mission ${body.missionId} (${body.items.length} waypoints) for ${body.droneId}`;
	}
	if (body.flightId === undefined && MISSION_ACTIONS.includes(body.action)) {
		return `${body.action.toLowerCase()} ${body.droneId}\u2019s mission`;
	}
	if (body.action === 'ACQUIRE') {
		return `take control of ${body.droneId}`;
	}
	if (body.action === 'RELEASE') {
		return `release ${body.droneId}`;
	}
	if (body.action === 'REQUEST') {
		return `ask for control of ${body.droneId}`;
	}
	if (body.action === 'GRANT') {
		return `hand ${body.droneId} over`;
	}
	if (body.action === 'DENY') {
		return `keep ${body.droneId}`;
	}
	if (body.action === 'ALLOW_TAKEOVER') {
		return body.allow ? `let anyone who asks take ${body.droneId}` : `be asked before anyone takes ${body.droneId}`;
	}
	switch (body.type) {
		case 'TAKEOFF':
			return `TAKEOFF ${body.droneId} to ${body.altitude} m`;
		case 'GOTO':
			return `GOTO ${body.droneId} at ${body.altitude} m`;
		case 'NUDGE':
			return `NUDGE ${body.droneId} ${body.direction} ${body.distance} m`;
		case 'MOVE':
			return `MOVE ${body.droneId}`;
		default:
			return `${body.type} ${body.droneId}`;
	}
}

const CODE_WORDS = Object.freeze({
	NO_SYSTEM: 'there is no such drone',
	NOT_IN_CONTROL: 'you do not control this drone: take control first',
	CONTROLLED_BY_OTHER: 'another pilot controls this drone',
	COMMAND_DENIED: 'the drone cannot do that now',
	COMMAND_DENIED_NOT_LANDED: 'the drone must land first',
	OUT_OF_RANGE: 'a value is outside the drone\u2019s limits',
	GEOFENCE: 'that would leave the geofence',
	INVALID_ARGUMENT: 'a waypoint is incomplete or out of range',
	BUSY: 'the hub is busy: try again',
	TEMPORARILY_REJECTED: 'the drone is being handed between nodes: try again',
	DENIED: 'the pilot in control said no',
	TIMEOUT: 'the pilot in control did not answer in time',
});

const ERROR_WORDS = Object.freeze({
	INVALID_JSON: 'the hub could not read the request',
	UNKNOWN_TYPE: 'the hub does not know that command',
	MISSING_FIELD: 'a field is missing',
	INVALID_FIELD: 'a field has a wrong value',
	FORBIDDEN: 'your account may not do that',
	RATE_LIMITED: 'too many commands per second',
	LIMIT_EXCEEDED: 'too many subscriptions',
});

/**
 * A reply from {@code /user/queue/replies} in plain words.
 * @param {object} reply the reply body
 * @param {object} [request] the request it answers, when known
 * @returns {{ok: boolean, text: string}}
 */
export function describeReply(reply, request = undefined) {
	const what = request ? describeRequest(request) : `command for ${reply.droneId ?? 'a drone'}`;
	if (reply.status === 'ACCEPTED') {
		return { ok: true, text: `${capitalise(what)}: accepted.` };
	}
	const why = reply.reason || CODE_WORDS[reply.code] || reply.code || 'no reason given';
	return { ok: false, text: `${capitalise(what)}: rejected \u2014 ${why}.` };
}

/** An error from {@code /user/queue/errors} in plain words. */
export function describeError(error) {
	const words = error.message || ERROR_WORDS[error.error] || error.error || 'unknown error';
	const hint = error.error === 'FORBIDDEN' ? ': sign in as a pilot to fly' : '';
	return `The hub refused a message \u2014 ${words}${hint}.`;
}

function capitalise(text) {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
