/**
 * Other pilots' requests for the drones this console controls, each with the time left to answer
 * it, counted on this page's clock from what the hub's clock said when the request came (so a
 * browser clock that is off does not shorten it). At most one request waits per drone; one leaves
 * when it is answered here, or when an event says its drone's request was decided. Pure: no DOM,
 * no STOMP.
 *
 * It dispatches {@code change} whenever the set changes.
 */

/** Events that end the request waiting for a drone. */
const DECIDED = new Set(['CONTROL_GRANTED', 'CONTROL_DENIED', 'CONTROL_REQUEST_TIMED_OUT', 'CONTROL_REQUEST_WITHDRAWN',
	'CONTROL_RELEASED']);

export class ControlPrompts extends EventTarget {

	/** droneId → {prompt, deadline}: the deadline on this page's clock, in ms. */
	#waiting = new Map();

	/**
	 * A request came on {@code /user/queue/control-requests}.
	 * @param {{requestId: string, droneId: string, from: string, expiresAt: number}} prompt
	 * @param {number} hubNow the hub's time as the latest telemetry said, epoch ms
	 * @param {number} localNow this page's time, ms
	 */
	asked(prompt, hubNow, localNow) {
		this.#waiting.set(prompt.droneId, { prompt, deadline: localNow + Math.max(0, prompt.expiresAt - hubNow) });
		this.#changed();
	}

	/** This pilot answered the request for a drone. */
	answered(droneId) {
		if (this.#waiting.delete(droneId)) {
			this.#changed();
		}
	}

	/** An event from {@code /topic/events}: a decision ends the request waiting for its drone. */
	eventSeen(event) {
		if (event && DECIDED.has(event.type)) {
			this.answered(event.droneId);
		}
	}

	/** This console lost its session: its requests can no longer be answered. */
	clear() {
		if (this.#waiting.size > 0) {
			this.#waiting.clear();
			this.#changed();
		}
	}

	/**
	 * The requests still open, oldest first, with the whole seconds left (rounded up); expired ones
	 * are dropped.
	 * @param {number} localNow this page's time, ms
	 * @returns {{requestId: string, droneId: string, from: string, secondsLeft: number}[]}
	 */
	open(localNow) {
		const open = [];
		for (const [droneId, { prompt, deadline }] of this.#waiting) {
			if (deadline <= localNow) {
				this.#waiting.delete(droneId);
				continue;
			}
			open.push({ requestId: prompt.requestId, droneId, from: prompt.from,
				secondsLeft: Math.ceil((deadline - localNow) / 1000) });
		}
		return open;
	}

	#changed() {
		this.dispatchEvent(new Event('change'));
	}

}
