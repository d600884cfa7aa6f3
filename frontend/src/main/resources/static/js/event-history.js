/**
 * The event log's events, newest first and bounded: the hub's recent events (/app/events) when a
 * session starts, then live ones (/topic/events), each event once. Pure: no DOM, no STOMP.
 *
 * A session subscribes to /topic/events before /app/events, and the hub keeps an event among its
 * recent ones before publishing it, so the events that happen in between arrive twice: in the
 * recent events and live, before or after them. They are the first live events of the session,
 * in order; the first live event that is not among the recent events ends them. Events have no
 * id: two are the same when their time, type, drone, pilot and detail are.
 */

export class EventHistory {

	#events = [];

	#max;

	#awaitingRecent = false;

	/** Live events of this session that arrived before its recent events, oldest first. */
	#early = [];

	/** How many times each recent event may still arrive live, by key. */
	#repeats = new Map();

	/** @param {number} max how many events are kept */
	constructor(max) {
		this.#max = max;
	}

	/** The events, newest first. */
	newestFirst() {
		return this.#events;
	}

	/** Starts a session: its recent events are to come, and live events before them are noted. */
	sessionStarted() {
		this.#awaitingRecent = true;
		this.#early = [];
		this.#repeats.clear();
	}

	/**
	 * Takes a live event, unless it repeats one of the session's recent events.
	 * @returns {boolean} whether it was added
	 */
	addLive(event) {
		if (this.#isRepeat(event)) {
			return false;
		}
		if (this.#awaitingRecent && this.#early.length < this.#max) {
			this.#early.push(event);
		}
		this.#add(event);
		return true;
	}

	/**
	 * Replaces the events with the session's recent events, then adds again the live events that
	 * arrived before them and are not among them.
	 * @param {object[]} recent the hub's latest events, oldest first
	 */
	replaceWithRecent(recent) {
		const events = Array.isArray(recent) ? recent : [];
		this.#events = events.slice(-this.#max).reverse();
		this.#repeats.clear();
		for (const event of events) {
			const key = keyOf(event);
			this.#repeats.set(key, (this.#repeats.get(key) ?? 0) + 1);
		}
		const early = this.#early;
		this.#awaitingRecent = false;
		this.#early = [];
		for (const event of early) {
			if (!this.#isRepeat(event)) {
				this.#add(event);
			}
		}
	}

	#isRepeat(event) {
		const key = keyOf(event);
		const count = this.#repeats.get(key);
		if (count === undefined) {
			this.#repeats.clear();
			return false;
		}
		if (count === 1) {
			this.#repeats.delete(key);
		}
		else {
			this.#repeats.set(key, count - 1);
		}
		return true;
	}

	#add(event) {
		this.#events.unshift(event);
		if (this.#events.length > this.#max) {
			this.#events.length = this.#max;
		}
	}

}

function keyOf(event) {
	return JSON.stringify([event?.timestamp, event?.type, event?.droneId, event?.pilot, event?.detail]);
}
