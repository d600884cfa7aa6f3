/**
 * The fleet store: the latest state of every drone, a short history of each for trails and
 * charts, the event log and the connection state. Pure data (no DOM, no STOMP): the connection
 * feeds it and views read it when they render.
 *
 * It dispatches a {@code change} event (detail: {@code {kind}}) after every update; views only
 * mark themselves dirty and redraw on the next animation frame, so 500 messages a second cost
 * one redraw per frame.
 */
import { EventHistory } from './event-history.js';

/** How far back charts reach, ms. */
export const HISTORY_WINDOW_MS = 3 * 60 * 1000;

/** The shortest gap between two kept history samples of one drone, ms (5 per second). */
export const SAMPLE_INTERVAL_MS = 200;

/** How many events the log keeps. */
export const MAX_EVENTS = 100;

/** A state as one sample of a drone's history: {@code {t, lat, lon, alt, battery}}. */
export function historySample(state) {
	return {
		t: state.timestamp,
		lat: state.position?.lat,
		lon: state.position?.lon,
		alt: state.position?.alt,
		battery: state.battery?.percent,
	};
}

export class FleetStore extends EventTarget {

	#drones = new Map();

	#histories = new Map();

	#events;

	#connection = 'connecting';

	#userName = null;

	#lastUpdateAt = null;

	#now;

	#historyWindowMs;

	#sampleIntervalMs;

	/**
	 * @param {object} [options]
	 * @param {() => number} [options.now] the local clock, ms; tests pass a fake one
	 */
	constructor({ now = () => Date.now(), historyWindowMs = HISTORY_WINDOW_MS,
		sampleIntervalMs = SAMPLE_INTERVAL_MS, maxEvents = MAX_EVENTS } = {}) {
		super();
		this.#now = now;
		this.#historyWindowMs = historyWindowMs;
		this.#sampleIntervalMs = sampleIntervalMs;
		this.#events = new EventHistory(maxEvents);
		/** Increases on every change, so a view can tell whether it is up to date. */
		this.version = 0;
		/** Increases when the event log changes. */
		this.eventsVersion = 0;
	}

	/**
	 * Takes one telemetry message. Older or repeated states of a drone (by {@code seq}) are
	 * ignored, except after {@link connectionStarted}, when a restarted hub may count from 0 again.
	 * @returns {boolean} whether the state was taken
	 */
	applyTelemetry(state) {
		if (!this.#take(state)) {
			return false;
		}
		this.#changed('telemetry');
		return true;
	}

	/** Takes the fleet snapshot answered by {@code /app/fleet}. */
	applyFleet(states) {
		let any = false;
		for (const state of states ?? []) {
			any = this.#take(state) || any;
		}
		this.#changed('fleet');
		return any;
	}

	/**
	 * Adds an event from {@code /topic/events}, newest first, unless the session's recent events
	 * had it already.
	 * @returns {boolean} whether the event was added
	 */
	addEvent(event) {
		if (!this.#events.addLive(event)) {
			return false;
		}
		this.eventsVersion++;
		this.#changed('event');
		return true;
	}

	/** Replaces the events with those answered by {@code /app/events}, oldest first. */
	applyRecentEvents(events) {
		this.#events.replaceWithRecent(events);
		this.eventsVersion++;
		this.#changed('recent-events');
	}

	/**
	 * Forgets every drone and its history, e.g. when a replay jumps to another time and its
	 * trail and charts start again there.
	 */
	clear() {
		this.#drones.clear();
		this.#histories.clear();
		this.#lastUpdateAt = null;
		this.#changed('clear');
	}

	/**
	 * Gives a drone the history it had before its next state, e.g. a replay's recorded
	 * samples up to where it jumped to, so that its trail and charts do not start empty.
	 * @param {string} droneId
	 * @param {{t:number}[]} samples oldest first, as {@link history} gives them
	 */
	setHistory(droneId, samples) {
		this.#histories.set(droneId, [...samples]);
		this.#changed('history');
	}

	/** Records the connection state: connecting, live, reconnecting or lost. */
	setConnection(connection, userName = this.#userName) {
		this.#connection = connection;
		this.#userName = userName;
		this.#changed('connection');
	}

	/**
	 * Called when a new session starts: sequence numbers may start again from the beginning, and
	 * the session's recent events are to come.
	 */
	connectionStarted() {
		this.#events.sessionStarted();
		for (const [id, state] of this.#drones) {
			this.#drones.set(id, { ...state, stale: true });
		}
	}

	get connection() {
		return this.#connection;
	}

	/** The name the hub gave this connection, or null. */
	get userName() {
		return this.#userName;
	}

	/** When (local clock, ms) the latest state arrived, or null. */
	get lastUpdateAt() {
		return this.#lastUpdateAt;
	}

	/** Milliseconds since the latest state arrived, or null. */
	telemetryAge(now = this.#now()) {
		return this.#lastUpdateAt == null ? null : now - this.#lastUpdateAt;
	}

	/** Drone ids in natural order (d2 before d10). */
	droneIds() {
		return [...this.#drones.keys()].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
	}

	/** The latest state of one drone, or undefined. */
	drone(id) {
		return this.#drones.get(id)?.state;
	}

	/** Every drone's latest state, in id order. */
	drones() {
		return this.droneIds().map((id) => this.drone(id));
	}

	/**
	 * One drone's kept samples, oldest first: {@code {t, lat, lon, alt, battery}} with {@code t}
	 * the hub's timestamp.
	 */
	history(id) {
		return this.#histories.get(id) ?? [];
	}

	/** The events, newest first. */
	events() {
		return this.#events.newestFirst();
	}

	#take(state) {
		if (state == null || typeof state.droneId !== 'string') {
			return false;
		}
		const known = this.#drones.get(state.droneId);
		if (known && !known.stale && state.seq <= known.state.seq) {
			return false;
		}
		this.#drones.set(state.droneId, { state, stale: false });
		this.#lastUpdateAt = this.#now();
		this.#record(state);
		return true;
	}

	#record(state) {
		let samples = this.#histories.get(state.droneId);
		if (!samples) {
			samples = [];
			this.#histories.set(state.droneId, samples);
		}
		const t = state.timestamp;
		const last = samples[samples.length - 1];
		if (last && t < last.t) {
			// the hub's clock went back (a restarted hub): start the history again
			samples.length = 0;
		}
		else if (last && t - last.t < this.#sampleIntervalMs) {
			return;
		}
		samples.push(historySample(state));
		const oldest = t - this.#historyWindowMs;
		let drop = 0;
		while (drop < samples.length && samples[drop].t < oldest) {
			drop++;
		}
		if (drop > 0) {
			samples.splice(0, drop);
		}
	}

	#changed(kind) {
		this.version++;
		this.dispatchEvent(new CustomEvent('change', { detail: { kind } }));
	}

}
