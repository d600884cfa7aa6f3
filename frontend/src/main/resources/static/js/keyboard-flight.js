/**
 * Keyboard flight: while flight keys are held and the pilot controls the selected drone, a MOVE
 * set-point for the held keys goes out every {@link MOVE_PERIOD_MS}. Letting go of the last key,
 * leaving the window or hiding the page stops the set-points with one still set-point, so the
 * drone stops at once. The held keys light up on the page's key map ({@code [data-key]}) and
 * {@code [data-keyboard-state]} says what the keys do.
 */
import { isFlightKey, isStill, moveSetpoint } from './flight-keys.js';
import { setAttribute, setText } from './dom.js';

/** How often MOVE set-points go out while flight keys are held, ms (10 Hz; the hub holds after 1 s). */
export const MOVE_PERIOD_MS = 100;

/** Yaw rate for Q/E, deg/s. */
const YAW_RATE = 45;

const STILL = Object.freeze({ forward: 0, right: 0, up: 0, yawRate: 0 });

export class KeyboardFlight {

	#root;

	#selected;

	#inControl;

	#speed;

	#move;

	#say;

	#page;

	#timers;

	#held = new Set();

	#timer = null;

	#flying = false;

	/**
	 * @param {ParentNode|null} root where the key map and the keyboard state are shown
	 * @param {object} parts
	 * @param {() => string|null} parts.selected the selected drone's id
	 * @param {(droneId: string) => boolean} parts.inControl whether this pilot controls a drone
	 * @param {() => number} parts.speed the horizontal speed, m/s (vertical is at most 2 m/s)
	 * @param {(setpoint: object) => void} parts.move sends a MOVE set-point to the selected drone
	 * @param {(text: string) => void} parts.say tells the pilot something
	 * @param {EventTarget} [parts.keys] where keydown, keyup and blur come from: the window
	 * @param {EventTarget & {hidden: boolean, hasFocus: () => boolean}} [parts.page] the document
	 * @param {{setInterval: Function, clearInterval: Function}} [parts.timers] tests pass fake ones
	 */
	constructor(root, { selected, inControl, speed, move, say, keys = globalThis, page = globalThis.document,
		timers = globalThis }) {
		this.#root = root;
		this.#selected = selected;
		this.#inControl = inControl;
		this.#speed = speed;
		this.#move = move;
		this.#say = say;
		this.#page = page;
		this.#timers = timers;
		keys.addEventListener('keydown', (event) => this.#keyDown(event));
		keys.addEventListener('keyup', (event) => this.#keyUp(event));
		keys.addEventListener('blur', () => this.stop(true));
		page.addEventListener('visibilitychange', () => {
			if (page.hidden) {
				this.stop(true);
			}
		});
	}

	/**
	 * Stops sending set-points and forgets the held keys.
	 * @param {boolean} still whether to send one still set-point, so a drone in flight stops at once
	 */
	stop(still) {
		this.#timers.clearInterval(this.#timer);
		this.#timer = null;
		this.#held.clear();
		this.#showKeys();
		if (still && this.#flying) {
			this.#move(STILL);
		}
		this.#flying = false;
	}

	#keyDown(event) {
		if (!isFlightKey(event.code) || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) {
			return;
		}
		event.preventDefault();
		const selected = this.#selected();
		if (!selected || !this.#inControl(selected)) {
			if (!event.repeat) {
				this.#say(`Take control of ${selected ?? 'a drone'} to fly it with the keyboard.`);
			}
			return;
		}
		this.#held.add(event.code);
		this.#showKeys();
		if (this.#timer == null) {
			this.#sendMove();
			this.#timer = this.#timers.setInterval(() => this.#sendMove(), MOVE_PERIOD_MS);
		}
	}

	#keyUp(event) {
		if (!this.#held.delete(event.code)) {
			return;
		}
		this.#showKeys();
		if (this.#held.size === 0) {
			this.stop(true);
		}
	}

	#sendMove() {
		if (!this.#page.hasFocus()) {
			this.stop(true);
			return;
		}
		const speed = this.#speed();
		const setpoint = moveSetpoint(this.#held, { horizontal: speed, vertical: Math.min(speed, 2), yawRate: YAW_RATE });
		this.#flying = !isStill(setpoint);
		this.#move(setpoint);
	}

	#showKeys() {
		if (!this.#root) {
			return;
		}
		for (const key of this.#root.querySelectorAll('[data-key]')) {
			setAttribute(key, 'data-held', String(this.#held.has(key.dataset.key)));
		}
		setText(this.#root.querySelector('[data-keyboard-state]'),
				this.#held.size > 0 ? `flying ${this.#selected()} (MOVE set-points 10 times a second)` : 'idle');
	}

}

/** Whether a key goes to a field being typed in rather than to the drone. */
function isTyping(target) {
	if (target?.isContentEditable || target?.tagName === 'TEXTAREA' || target?.tagName === 'SELECT') {
		return true;
	}
	return target?.tagName === 'INPUT' && !['button', 'checkbox', 'radio', 'range', 'submit'].includes(target.type);
}
