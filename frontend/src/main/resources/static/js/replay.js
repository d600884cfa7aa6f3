/**
 * The state of one flight's replay on the Flights page: the flight, its thinned path and its
 * log, where the replay is and how fast it plays, and the replayed states in a fleet store
 * (so the dashboard's map, instruments and charts draw them as they draw live ones). Pure data
 * (no DOM, no STOMP): the page sends the requests it returns and feeds it the hub's frames,
 * replies and errors.
 *
 * A PLAY replaces the replay the session had, which is how the slider seeks and the speed
 * changes. Frames carry no request id, so replays are told apart by their order: within a
 * session every replay sends its frames after the last frame of the one before (a replaced
 * replay's STOPPED first, then the new one's PLAYING), and the n-th PLAY the hub accepts
 * starts the n-th replay. A PLAY's reply may come before or after its replay's first frames,
 * but always after every frame sent before the hub took that PLAY. So the frames of the
 * newest replay are kept while a PLAY is unanswered; once it is accepted, the frames of the
 * replay it started are shown, and those of the replay it replaced, its STOPPED frame
 * included, never are.
 *
 * It dispatches a {@code change} event (detail: {@code {kind}}) after every update and counts
 * them in {@code version}.
 */
import { FleetStore, HISTORY_WINDOW_MS, SAMPLE_INTERVAL_MS, historySample } from './store.js';
import { Destinations, REPLAY_SPEEDS, commandIds, describeError, replayRequest } from './wire.js';
import { flightDurationMs } from './flights-api.js';

/** The statuses after which a replay sends nothing more. */
export const FINAL_STATUSES = Object.freeze(['ENDED', 'STOPPED']);

/** The speed a replay starts at. */
export const DEFAULT_SPEED = 1;

/** How many frames of the newest replay are kept while it is not shown yet. */
const KEPT_FRAMES = 200;

/**
 * Adds a recorded state to a flight's history samples, oldest first, unless it comes within
 * the fleet store's sample interval of the one before (the store keeps no more).
 * @param {{t:number}[]} samples
 * @param {object} state a recorded state, as the NDJSON export gives it
 */
export function appendSample(samples, state) {
	const last = samples[samples.length - 1];
	if (!last || state.timestamp - last.t >= SAMPLE_INTERVAL_MS) {
		samples.push(historySample(state));
	}
}

/**
 * The samples of a chart's window before a time: those from {@code windowMs} before it up to,
 * not including, it.
 * @param {{t:number}[]} samples oldest first
 * @param {number} time epoch ms
 */
export function samplesBefore(samples, time, windowMs = HISTORY_WINDOW_MS) {
	const firstAtOrAfter = (t) => {
		let low = 0;
		let high = samples.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (samples[middle].t < t) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	};
	return samples.slice(firstAtOrAfter(time - windowMs), firstAtOrAfter(time));
}

export class ReplayState extends EventTarget {

	#flightId;

	#nextCommandId;

	#fleet;

	#flight = null;

	#path = [];

	#recorded = [];

	#log = [];

	#status = 'idle';

	#positionMs = 0;

	#durationMs = 0;

	#speed = DEFAULT_SPEED;

	#message = null;

	/**
	 * The latest PLAY while it is unanswered: {@code {commandId, pauseAfter, fromMs}}, fromMs
	 * being where the replay was before it.
	 */
	#pending = null;

	/** The command ids of this session's PLAYs that are unanswered. */
	#unansweredPlays = new Set();

	/** How many of this session's PLAYs the hub accepted: the latest started replay number this. */
	#accepted = 0;

	/** How many replays of this session have sent their first frame. */
	#opened = 0;

	/** Whether the latest opened replay is still to send its last frame. */
	#open = false;

	/** The latest opened replay's frames, while it is not shown. */
	#kept = [];

	/** The number of the replay shown, 0 for none. */
	#shown = 0;

	/** Whether the shown replay's states replace those of the replay shown before it. */
	#clearOnState = false;

	/** Whether to pause once the shown replay has shown a state (a seek while paused). */
	#pauseOnState = false;

	/** PAUSE, RESUME and STOP requests that are unanswered, by command id. */
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

	/** idle (never played), or the shown replay's latest frame's: PLAYING, PAUSED, ENDED, STOPPED. */
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
		if (this.#pending) {
			return !this.#pending.pauseAfter;
		}
		if (this.#pauseOnState) {
			return false;
		}
		return this.#starting || this.#status === 'PLAYING';
	}

	/** Whether the replay asked for has not started yet: its PLAY is unanswered, or its first frame. */
	get waiting() {
		return this.#pending != null || this.#starting;
	}

	/** Where the replay stands in words: "Playing at 4×", "Paused", "Ended", …; '' before it first plays. */
	get label() {
		if (this.waiting) {
			return 'Starting\u2026';
		}
		switch (this.#status) {
			case 'PLAYING':
				return this.#pauseOnState ? 'Paused' : `Playing at ${this.#speed}\u00d7`;
			case 'PAUSED':
				return 'Paused';
			case 'ENDED':
				return 'Ended';
			case 'STOPPED':
				return 'Stopped';
			default:
				return '';
		}
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

	/**
	 * Takes the flight's recorded history samples (see {@link appendSample}): a replay that
	 * starts later in the flight shows the trail and charts of the minutes before.
	 */
	setRecordedHistory(samples) {
		this.#recorded = samples;
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
			this.#changed('play');
			return null;
		}
		if (this.#pauseOnState) {
			this.#pauseOnState = false;
			this.#changed('play');
			return null;
		}
		if (this.#status === 'PAUSED') {
			return this.#request('RESUME');
		}
		const atEnd = this.#status === 'ENDED' || this.#positionMs >= this.#durationMs;
		return this.#start(atEnd ? 0 : this.#positionMs, false);
	}

	/**
	 * Pauses a playing replay; one about to play pauses once it has shown its first state.
	 */
	pause() {
		if (this.#pending) {
			this.#pending.pauseAfter = true;
			this.#changed('pause');
			return null;
		}
		if (this.#starting) {
			this.#pauseOnState = true;
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
	 * Moves the replay to another time: a new PLAY from there. Unless it was playing, it
	 * pauses again once it has shown the state recorded there or the first after it.
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
		if (this.waiting || this.#status === 'PLAYING' || this.#status === 'PAUSED') {
			return this.#start(this.#positionMs, !this.playing);
		}
		this.#changed('speed');
		return null;
	}

	/**
	 * Takes a frame from {@code /user/queue/replay}.
	 * @returns {{destination: string, body: object}|null} a request that follows from it
	 * (PAUSE after a seek while paused, once the replay has shown a state), if any
	 */
	applyFrame(frame) {
		if (frame?.flightId !== this.#flightId) {
			return null;
		}
		if (!this.#open) {
			this.#opened++;
			this.#open = true;
			this.#kept = [];
		}
		if (FINAL_STATUSES.includes(frame.status)) {
			this.#open = false;
		}
		if (this.#showing) {
			const follow = this.#take(frame);
			this.#changed('frame');
			return follow;
		}
		this.#kept.push(frame);
		if (this.#kept.length > KEPT_FRAMES) {
			this.#kept.shift();
		}
		return this.#catchUp();
	}

	/**
	 * Takes a reply from {@code /user/queue/replies}.
	 * @returns {{destination: string, body: object}|null} a request that follows from it
	 * (PAUSE after a seek while paused), if any
	 */
	applyReply(reply) {
		const commandId = reply?.commandId;
		const accepted = reply?.status === 'ACCEPTED';
		if (this.#unansweredPlays.delete(commandId)) {
			if (accepted) {
				this.#accepted++;
			}
			const pending = this.#pending;
			if (pending?.commandId !== commandId) {
				return this.#catchUp();
			}
			this.#pending = null;
			if (accepted) {
				this.#message = null;
				this.#pauseOnState = pending.pauseAfter;
			}
			else {
				this.#positionMs = pending.fromMs;
				this.#message = `The replay could not start: ${reply.reason || reply.code || 'no reason given'}.`;
			}
			const follow = this.#catchUp();
			this.#changed(accepted ? 'started' : 'rejected');
			return follow;
		}
		const action = this.#requests.get(commandId);
		if (action) {
			this.#requests.delete(commandId);
			const finished = FINAL_STATUSES.includes(this.#status) && !this.waiting;
			if (accepted) {
				this.#message = null;
				if (!finished) {
					this.#status = { PAUSE: 'PAUSED', RESUME: 'PLAYING', STOP: 'STOPPED' }[action];
				}
			}
			else if (!finished) {
				this.#message = `${action} was refused: ${reply.reason || reply.code || 'no reason given'}.`;
			}
			this.#changed('reply');
		}
		return null;
	}

	/** Takes an error from {@code /user/queue/errors}: the hub could not take a request at all. */
	applyError(error) {
		if (!this.#pending && this.#requests.size === 0) {
			return null;
		}
		this.#pending = null;
		this.#requests.clear();
		this.#message = describeError(error);
		const follow = this.#catchUp();
		this.#changed('error');
		return follow;
	}

	/**
	 * Called when a new session starts: the hub forgot the previous session's replay, so one
	 * under way has stopped where it was.
	 */
	connectionStarted() {
		const active = this.waiting || this.#status === 'PLAYING' || this.#status === 'PAUSED';
		this.#pending = null;
		this.#unansweredPlays.clear();
		this.#requests.clear();
		this.#accepted = 0;
		this.#opened = 0;
		this.#open = false;
		this.#kept = [];
		this.#shown = 0;
		this.#pauseOnState = false;
		if (active) {
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
		if (this.#pending) {
			this.#unansweredPlays.delete(this.#pending.commandId);
			this.#pending = null;
		}
		this.#message = 'Not connected to the hub: wait until the badge says live, then try again.';
		this.#changed('not-sent');
	}

	/** Whether the hub accepted the latest PLAY and its replay has not sent its first frame yet. */
	get #starting() {
		return this.#pending == null && this.#accepted > this.#opened;
	}

	/** Whether frames that come now belong to the replay shown. */
	get #showing() {
		return this.#pending == null && this.#accepted === this.#opened && this.#shown === this.#opened
			&& this.#shown > 0;
	}

	/**
	 * Shows the replay the latest accepted PLAY started, from its kept frames, once nothing
	 * is unanswered that could start another.
	 */
	#catchUp() {
		if (this.#pending || this.#accepted !== this.#opened || this.#opened === 0) {
			return null;
		}
		if (this.#shown !== this.#opened) {
			this.#shown = this.#opened;
			this.#clearOnState = true;
		}
		let follow = null;
		for (const frame of this.#kept) {
			follow = this.#take(frame) ?? follow;
		}
		this.#kept = [];
		this.#changed('frame');
		return follow;
	}

	#start(offsetMs, pauseAfter) {
		const commandId = this.#nextCommandId();
		this.#unansweredPlays.add(commandId);
		this.#pending = { commandId, pauseAfter, fromMs: this.#positionMs };
		this.#pauseOnState = false;
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

	/** Shows one frame of the shown replay; returns the PAUSE it calls for, if any. */
	#take(frame) {
		const states = frame.states ?? [];
		if (states.length > 0 && this.#clearOnState) {
			this.#clearOnState = false;
			this.#fleet.clear();
			const before = samplesBefore(this.#recorded, states[0].timestamp);
			if (before.length > 0) {
				this.#fleet.setHistory(states[0].droneId, before);
			}
		}
		for (const state of states) {
			this.#fleet.applyTelemetry(state);
		}
		if (Number.isFinite(frame.durationMs)) {
			this.#durationMs = frame.durationMs;
		}
		if (Number.isFinite(frame.positionMs)) {
			this.#positionMs = Math.min(frame.positionMs, this.#durationMs);
		}
		this.#status = frame.status ?? this.#status;
		if (this.#pauseOnState && (states.length > 0 || this.#status !== 'PLAYING')) {
			this.#pauseOnState = false;
			return this.#status === 'PLAYING' ? this.#request('PAUSE') : null;
		}
		return null;
	}

	#changed(kind) {
		this.version++;
		this.dispatchEvent(new CustomEvent('change', { detail: { kind } }));
	}

}
