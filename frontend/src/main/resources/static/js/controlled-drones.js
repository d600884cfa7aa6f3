/**
 * Which drones this page's pilot controls, and the only place that set changes. It follows
 * what the hub says: accepted ACQUIRE, REQUEST, RELEASE and GRANT replies, rejections saying the pilot is not
 * (or no longer) in control, control events, and the pilot named in telemetry; and it forgets
 * everything when the session ends. Pure: it reads the fleet store (no DOM, no STOMP).
 *
 * It dispatches {@code change} (detail {@code {droneId, controlled}}) for every drone that joins
 * or leaves the set.
 */

/** Rejection codes that mean the pilot does not control the drone (any more). */
const NOT_IN_CONTROL = new Set(['NOT_IN_CONTROL', 'CONTROLLED_BY_OTHER']);

export class ControlledDrones extends EventTarget {

	#store;

	#ids = new Set();

	/**
	 * droneId → the seq of its latest state when this pilot got it: states up to then still name
	 * the pilot who had it before (a drone handed over from another pilot).
	 */
	#since = new Map();

	/** @param {import('./store.js').FleetStore} store the store the connection feeds */
	constructor(store) {
		super();
		this.#store = store;
		store.addEventListener('change', (event) => this.#storeChanged(event.detail.kind));
	}

	/** Whether this pilot controls a drone. */
	has(droneId) {
		return this.#ids.has(droneId);
	}

	/**
	 * Takes a reply to one of this page's requests.
	 * @param {object} reply the reply from {@code /user/queue/replies}
	 * @param {object} [request] the body of the request it answers, when known
	 */
	replied(reply, request = undefined) {
		const accepted = reply.status === 'ACCEPTED';
		if (accepted && (request?.action === 'ACQUIRE' || request?.action === 'REQUEST')) {
			this.#add(request.droneId);
		}
		else if (accepted && (request?.action === 'RELEASE' || request?.action === 'GRANT')) {
			this.#remove(request.droneId);
		}
		else if (!accepted && NOT_IN_CONTROL.has(reply.code)) {
			this.#remove(reply.droneId);
		}
	}

	#storeChanged(kind) {
		const store = this.#store;
		if (kind === 'connection' && store.connection !== 'live') {
			for (const droneId of [...this.#ids]) {
				this.#remove(droneId);
			}
		}
		else if (kind === 'event') {
			this.#eventSeen(store.events()[0], store.userName);
		}
		else if (kind === 'telemetry' || kind === 'fleet') {
			for (const droneId of [...this.#ids]) {
				const state = store.drone(droneId);
				if (state && state.seq <= (this.#since.get(droneId) ?? -Infinity)) {
					continue;
				}
				const pilot = state?.pilot;
				if (pilot && pilot !== store.userName) {
					this.#remove(droneId);
				}
			}
		}
	}

	#eventSeen(event, me) {
		if (!event || !me || !this.#ids.has(event.droneId)) {
			return;
		}
		if ((event.type === 'CONTROL_RELEASED' && event.pilot === me)
				|| ((event.type === 'CONTROL_ACQUIRED' || event.type === 'CONTROL_GRANTED') && event.pilot
					&& event.pilot !== me)) {
			this.#remove(event.droneId);
		}
	}

	#add(droneId) {
		if (!this.#ids.has(droneId)) {
			this.#ids.add(droneId);
			this.#since.set(droneId, this.#store.drone(droneId)?.seq ?? -Infinity);
			this.dispatchEvent(new CustomEvent('change', { detail: { droneId, controlled: true } }));
		}
	}

	#remove(droneId) {
		this.#since.delete(droneId);
		if (this.#ids.delete(droneId)) {
			this.dispatchEvent(new CustomEvent('change', { detail: { droneId, controlled: false } }));
		}
	}

}
