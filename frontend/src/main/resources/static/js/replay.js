/**
 * The state of one flight's replay on the Flights page: the flight, its thinned path and its
 * log, where the replay is and how fast it plays, and the replayed states in a fleet store
 * (so the dashboard's map, instruments and charts draw them as they draw live ones). Pure data
 * (no DOM, no STOMP): the page sends the requests it returns and feeds it the hub's frames,
 * replies and errors.
 *
 * A PLAY replaces the replay the session had, which is how the slider seeks and the speed
 * changes. Frames of the replaced replay may still be on their way when the hub accepts it;
 * the frames that came while the PLAY was unanswered are kept, and once it is accepted only
 * those of the new replay are taken: the latest run that starts at or after the new offset
 * and moves only forward.
 *
 * It dispatches a {@code change} event (detail: {@code {kind}}) after every update and counts
 * them in {@code version}.
 */
import { FleetStore } from './store.js';
import { Destinations, REPLAY_SPEEDS, commandIds, describeError, replayRequest } from './wire.js';
import { flightDurationMs } from './flights-api.js';

/** The statuses after which a replay sends nothing more. */
export const FINAL_STATUSES = Object.freeze(['ENDED', 'STOPPED']);

/** The speed a replay starts at. */
export const DEFAULT_SPEED = 1;

/** How many frames are kept while a PLAY is unanswered. */
const KEPT_WHILE_PENDING = 200;

/**
 * Of the frames that came while a PLAY was unanswered, oldest first, those of the replay it
 * started: the latest run whose positions start at or after {@code offsetMs} and never go
 * back. A STOPPED frame is the end of the replaced replay, never the start of the new one.
 */
export function framesOfNewReplay(frames, offsetMs) {
	let start = frames.length;
	while (start > 0) {
		const frame = frames[start - 1];
		if (frame.status === 'STOPPED' || !(frame.positionMs >= offsetMs)
				|| (start < frames.length && frame.positionMs > frames[start].positionMs)) {
			break;
		}
		start--;
	}
	return frames.slice(start);
}

export class ReplayState extends EventTarget {

	#flightId;

	#nextCommandId;

	#fleet;

	#flight = null;

	#path = [];

	#log = [];

	#status = 'idle';

	#positionMs = 0;

	#durationMs = 0;

	#speed = DEFAULT_SPEED;

	#message = null;

	#pending = null;

	#requests = new Map();

	/**
	 * @param {object} options
	 * @param {string} options.flightId the flight to replay
	 * @param {() => string} [options.nextCommandId] makes the requests' command ids
	 * @param {FleetStore} [options.fleet] where the replayed states go
	 */
	constructor({ flightId, nextCommandId = commandIds('replay'), fleet = new FleetStore() }) {
		super();
		this.#flightId = flightId;
		this.#nextCommandId = nextCommandId;
		this.#fleet = fleet;
		/** Increases on every change, so a view can tell whether it is up to date. */
		this.version = 0;
	}

	get flightId() {
		return this.#flightId;
	}

	/** The replayed states, as a fleet of the one drone. */
	get fleet() {
		return this.#fleet;
	}

	/** The flight's summary from the API, or null before it is read. */
	get flight() {
		return this.#flight;
	}

	/** The whole recorded path, thinned: {@code {lat, lon}} points in flight order. */
	get path() {
		return this.#path;
	}

	/** The flight's log, oldest first. */
	get log() {
		return this.#log;
	}

	/** idle (never played), or the latest frame's: PLAYING, PAUSED, ENDED, STOPPED. */
	get status() {
		return this.#status;
	}

	/** Where the replay is, ms from the flight's first state. */
	get positionMs() {
		return this.#positionMs;
	}

	/** How long the flight lasts, ms. */
	get durationMs() {
		return this.#durationMs;
	}

	get speed() {
		return this.#speed;
	}

	/** Why the latest request failed, in words, or null. */
	get message() {
		return this.#message;
	}

	/** Whether the replay plays, or is about to (a PLAY without PAUSE after it is on its way). */
	get playing() {
		return this.#pending ? !this.#pending.pauseAfter : this.#status === 'PLAYING';
	}

	/** Whether a PLAY is waiting for the hub's answer. */
	get waiting() {
		return this.#pending != null;
	}

	/** The hub's time of the latest replayed state, epoch ms, or null before the first. */
	get time() {
		return this.#fleet.drones()[0]?.timestamp ?? null;
	}

	/** Takes the flight's summary from the API. */
	setFlight(flight) {
		this.#flight = flight;
		if (this.#status === 'idle') {
			this.#durationMs = flightDurationMs(flight);
		}
		this.#changed('flight');
	}

	/** Takes the flight's thinned path, drawn in full before and during the replay. */
	setPath(points) {
		this.#path = points;
		this.#changed('path');
	}

	/** Takes the flight's first recorded state, shown before the replay starts. */
	showStart(state) {
		if (this.#status === 'idle' && this.#fleet.drones().length === 0) {
			this.#fleet.applyTelemetry(state);
			this.#changed('start');
		}
	}

	/** Takes the flight's log from the API, in order. */
	setLog(entries) {
		this.#log = entries ?? [];
		this.#changed('log');
	}

	/**
	 * Plays: resumes a paused replay, or starts one from where the slider is (from the start
	 * once the replay has ended).
	 * @returns {{destination: string, body: object}|null} the request to send, if any
	 */
	play() {
		if (this.playing) {
			return null;
		}
		if (this.#pending) {
			this.#pending.pauseAfter = false;
			return null;
		}
		if (this.#status === 'PAUSED') {
			return this.#request('RESUME');
		}
		const atEnd = this.#status === 'ENDED' || this.#positionMs >= this.#durationMs;
		return this.#start(atEnd ? 0 : this.#positionMs, false);
	}

	/** Pauses a playing replay. */
	pause() {
		if (this.#pending) {
			this.#pending.pauseAfter = true;
			this.#changed('pause');
			return null;
		}
		return this.#status === 'PLAYING' ? this.#request('PAUSE') : null;
	}

	/** Plays if paused, pauses if playing. */
	toggle() {
		return this.playing ? this.pause() : this.play();
	}

	/**
	 * Moves the replay to another time: a new PLAY from there, paused again once accepted
	 * unless it was playing.
	 * @param {number} offsetMs ms from the flight's first state
	 */
	seek(offsetMs) {
		const offset = Math.min(Math.max(0, offsetMs), this.#durationMs);
		return this.#start(offset, !this.playing);
	}

	/** Changes the speed; a replay under way goes on from where it is at the new one. */
	setSpeed(speed) {
		if (!REPLAY_SPEEDS.includes(speed) || speed === this.#speed) {
			return null;
		}
		this.#speed = speed;
		if (this.#pending || this.#status === 'PLAYING' || this.#status === 'PAUSED') {
			return this.#start(this.#positionMs, !this.playing);
		}
		this.#changed('speed');
		return null;
	}

	/**
	 * Takes a frame from {@code /user/queue/replay}.
	 * @returns {boolean} whether it moved the replay
	 */
	applyFrame(frame) {
		if (frame?.flightId !== this.#flightId) {
			return false;
		}
		if (this.#pending) {
			const kept = this.#pending.frames;
			kept.push(frame);
			if (kept.length > KEPT_WHILE_PENDING) {
				kept.shift();
			}
			return false;
		}
		if (this.#status === 'idle' || FINAL_STATUSES.includes(this.#status)) {
			return false;
		}
		this.#take(frame);
		this.#changed('frame');
		return true;
	}

	/**
	 * Takes a reply from {@code /user/queue/replies}.
	 * @returns {{destination: string, body: object}|null} a request that follows from it
	 * (PAUSE after a seek while paused), if any
	 */
	applyReply(reply) {
		const pending = this.#pending;
		if (pending && reply?.commandId === pending.commandId) {
			this.#pending = null;
			if (reply.status !== 'ACCEPTED') {
				this.#message = `The replay could not start: ${reply.reason || reply.code || 'no reason given'}.`;
				this.#changed('rejected');
				return null;
			}
			this.#message = null;
			this.#status = 'PLAYING';
			this.#fleet.clear();
			for (const frame of framesOfNewReplay(pending.frames, pending.offsetMs)) {
				this.#take(frame);
			}
			this.#changed('started');
			return pending.pauseAfter && this.#status === 'PLAYING' ? this.#request('PAUSE') : null;
		}
		const action = this.#requests.get(reply?.commandId);
		if (action) {
			this.#requests.delete(reply.commandId);
			if (reply.status === 'ACCEPTED') {
				this.#message = null;
				if (!FINAL_STATUSES.includes(this.#status)) {
					this.#status = { PAUSE: 'PAUSED', RESUME: 'PLAYING', STOP: 'STOPPED' }[action];
				}
			}
			else {
				this.#message = `${action} was refused: ${reply.reason || reply.code || 'no reason given'}.`;
			}
			this.#changed('reply');
		}
		return null;
	}

	/** Takes an error from {@code /user/queue/errors}: the hub could not take a request at all. */
	applyError(error) {
		if (!this.#pending && this.#requests.size === 0) {
			return;
		}
		this.#pending = null;
		this.#requests.clear();
		this.#message = describeError(error);
		this.#changed('error');
	}

	/**
	 * Called when a new session starts: the hub forgot the previous session's replay, so one
	 * under way has stopped where it was.
	 */
	connectionStarted() {
		if (this.#pending || this.#status === 'PLAYING' || this.#status === 'PAUSED') {
			this.#pending = null;
			this.#requests.clear();
			this.#status = 'STOPPED';
			this.#message = 'The connection to the hub was lost: press Play to go on from here.';
			this.#changed('connection');
		}
	}

	/** Shows something that went wrong around the replay, in words, until the next request. */
	say(message) {
		this.#message = message;
		this.#changed('message');
	}

	/** Records that a request could not be sent: there is no live connection. */
	notSent() {
		this.#pending = null;
		this.#message = 'Not connected to the hub: wait until the badge says live, then try again.';
		this.#changed('not-sent');
	}

	#start(offsetMs, pauseAfter) {
		const commandId = this.#nextCommandId();
		this.#pending = { commandId, offsetMs, pauseAfter, frames: [] };
		this.#positionMs = offsetMs;
		this.#changed('seek');
		return {
			destination: Destinations.replay,
			body: replayRequest(this.#flightId, 'PLAY', { speed: this.#speed, offsetMs }, commandId),
		};
	}

	#request(action) {
		const commandId = this.#nextCommandId();
		this.#requests.set(commandId, action);
		return { destination: Destinations.replay, body: replayRequest(this.#flightId, action, {}, commandId) };
	}

	#take(frame) {
		for (const state of frame.states ?? []) {
			this.#fleet.applyTelemetry(state);
		}
		if (Number.isFinite(frame.durationMs)) {
			this.#durationMs = frame.durationMs;
		}
		if (Number.isFinite(frame.positionMs)) {
			this.#positionMs = Math.min(frame.positionMs, this.#durationMs);
		}
		this.#status = frame.status ?? this.#status;
	}

	#changed(kind) {
		this.version++;
		this.dispatchEvent(new CustomEvent('change', { detail: { kind } }));
	}

}
