import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KeyboardFlight, MOVE_PERIOD_MS } from '../../main/resources/static/js/keyboard-flight.js';

/** Interval timers that run only when the test moves time on. */
class FakeTimers {

	now = 0;

	#intervals = new Map();

	#nextId = 0;

	setInterval(callback, periodMs) {
		this.#intervals.set(++this.#nextId, { callback, periodMs, due: this.now + periodMs });
		return this.#nextId;
	}

	clearInterval(id) {
		this.#intervals.delete(id);
	}

	advance(ms) {
		const end = this.now + ms;
		for (;;) {
			const next = [...this.#intervals.values()].sort((a, b) => a.due - b.due)[0];
			if (!next || next.due > end) {
				break;
			}
			this.now = next.due;
			next.due += next.periodMs;
			next.callback();
		}
		this.now = end;
	}

	get running() {
		return this.#intervals.size;
	}

}

/** A keyboard on a page without a key map, flying d1 when the pilot controls it. */
function keyboard({ controls = true } = {}) {
	const window = new EventTarget();
	const page = Object.assign(new EventTarget(), { hidden: false, focused: true, hasFocus: () => page.focused });
	const timers = new FakeTimers();
	const moves = [];
	const said = [];
	const flight = new KeyboardFlight(null, {
		selected: () => 'd1',
		inControl: (droneId) => controls && droneId === 'd1',
		speed: () => 5,
		move: (setpoint) => moves.push(setpoint),
		say: (text) => said.push(text),
		keys: window,
		page,
		timers,
	});
	const key = (type, code, fields = {}) => {
		const event = Object.assign(new Event(type, { cancelable: true }), { code, ...fields });
		window.dispatchEvent(event);
		return event;
	};
	return { flight, window, page, timers, moves, said, key };
}

const STILL = { forward: 0, right: 0, up: 0, yawRate: 0 };

describe('KeyboardFlight', () => {
	it('sends the held keys\' set-point at once and then every MOVE_PERIOD_MS', () => {
		const { timers, moves, key } = keyboard();
		assert.equal(key('keydown', 'KeyW').defaultPrevented, true);
		assert.deepEqual(moves, [{ forward: 5, right: 0, up: 0, yawRate: 0 }]);

		timers.advance(MOVE_PERIOD_MS);
		key('keydown', 'KeyR');
		key('keydown', 'KeyR', { repeat: true });
		timers.advance(MOVE_PERIOD_MS * 2);
		assert.deepEqual(moves.slice(1), [
			{ forward: 5, right: 0, up: 0, yawRate: 0 },
			{ forward: 5, right: 0, up: 2, yawRate: 0 },
			{ forward: 5, right: 0, up: 2, yawRate: 0 },
		]);
		assert.equal(timers.running, 1);
	});

	it('stops with one still set-point when the last key is let go', () => {
		const { timers, moves, key } = keyboard();
		key('keydown', 'KeyW');
		key('keydown', 'KeyD');
		key('keyup', 'KeyW');
		timers.advance(MOVE_PERIOD_MS);
		assert.deepEqual(moves.at(-1), { forward: 0, right: 5, up: 0, yawRate: 0 });

		key('keyup', 'KeyD');
		assert.deepEqual(moves.at(-1), STILL);
		const sent = moves.length;
		timers.advance(MOVE_PERIOD_MS * 5);
		assert.equal(moves.length, sent);
		assert.equal(timers.running, 0);
	});

	it('stops with one still set-point when the window loses focus or the page is hidden', () => {
		const blurred = keyboard();
		blurred.key('keydown', 'KeyA');
		blurred.window.dispatchEvent(new Event('blur'));
		assert.deepEqual(blurred.moves, [{ forward: 0, right: -5, up: 0, yawRate: 0 }, STILL]);
		assert.equal(blurred.timers.running, 0);

		const hidden = keyboard();
		hidden.key('keydown', 'KeyQ');
		hidden.page.hidden = true;
		hidden.page.dispatchEvent(new Event('visibilitychange'));
		assert.deepEqual(hidden.moves, [{ forward: 0, right: 0, up: 0, yawRate: -45 }, STILL]);

		const unfocused = keyboard();
		unfocused.key('keydown', 'KeyS');
		unfocused.page.focused = false;
		unfocused.timers.advance(MOVE_PERIOD_MS);
		assert.deepEqual(unfocused.moves, [{ forward: -5, right: 0, up: 0, yawRate: 0 }, STILL]);
		assert.equal(unfocused.timers.running, 0);
	});

	it('stops without a still set-point when told to', () => {
		const { flight, timers, moves, key } = keyboard();
		key('keydown', 'KeyW');
		flight.stop(false);
		timers.advance(MOVE_PERIOD_MS * 3);
		assert.equal(moves.length, 1);
		key('keyup', 'KeyW');
		assert.equal(moves.length, 1);
	});

	it('sends no still set-point when the held keys cancel out', () => {
		const { moves, key } = keyboard();
		key('keydown', 'KeyW');
		key('keydown', 'KeyS');
		key('keyup', 'KeyW');
		key('keyup', 'KeyS');
		assert.deepEqual(moves, [{ forward: 5, right: 0, up: 0, yawRate: 0 }, STILL]);
	});

	it('tells a pilot who does not control the drone to take control, once per key press', () => {
		const { timers, moves, said, key } = keyboard({ controls: false });
		key('keydown', 'KeyW');
		key('keydown', 'KeyW', { repeat: true });
		timers.advance(MOVE_PERIOD_MS * 3);
		assert.deepEqual(moves, []);
		assert.deepEqual(said, ['Take control of d1 to fly it with the keyboard.']);
	});

	it('leaves other keys, shortcuts and typing alone', () => {
		const { window, moves, key } = keyboard();
		assert.equal(key('keydown', 'KeyX').defaultPrevented, false);
		assert.equal(key('keydown', 'KeyW', { ctrlKey: true }).defaultPrevented, false);
		const keyIn = (target) => {
			const event = Object.assign(new Event('keydown', { cancelable: true }), { code: 'KeyD' });
			Object.defineProperty(event, 'target', { value: target });
			window.dispatchEvent(event);
			return event.defaultPrevented;
		};
		assert.equal(keyIn({ tagName: 'INPUT', type: 'number' }), false);
		assert.equal(keyIn({ tagName: 'TEXTAREA' }), false);
		assert.equal(keyIn({ tagName: 'DIV', isContentEditable: true }), false);
		assert.deepEqual(moves, []);

		assert.equal(keyIn({ tagName: 'INPUT', type: 'range' }), true);
		assert.deepEqual(moves, [{ forward: 0, right: 5, up: 0, yawRate: 0 }]);
	});
});
