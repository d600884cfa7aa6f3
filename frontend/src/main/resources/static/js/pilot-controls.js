/**
 * The pilot's controls: take and release control, flight commands, nudges, click-on-map GOTO and
 * keyboard flight with MOVE set-points, plus every reply and error from the hub in plain words.
 * It sends through the connection and reads the store; it never draws the map itself.
 */
import { commandIds, commandRequest, controlRequest, describeRequest, Destinations } from './wire.js';
import { isFlightKey, isStill, moveSetpoint } from './flight-keys.js';
import { pilotLabel } from './format.js';
import { setAttribute, setText } from './dom.js';
import { ReplyLog } from './reply-log.js';
import { ReplyLogView } from './reply-log-view.js';

/** How often MOVE set-points go out while flight keys are held, ms (10 Hz; the hub holds after 1 s). */
export const MOVE_PERIOD_MS = 100;

/** Yaw rate for Q/E, deg/s. */
const YAW_RATE = 45;

export class PilotControls {

	#root;

	#store;

	#connection;

	#dashboard;

	#nextId = commandIds();

	#controlled = new Set();

	#held = new Set();

	#timer = null;

	#flying = false;

	#log = new ReplyLog();

	#target = null;

	/**
	 * @param {ParentNode} root the page
	 * @param {object} parts
	 * @param {import('./store.js').FleetStore} parts.store
	 * @param {import('./connection.js').HubConnection} parts.connection
	 * @param {import('./dashboard.js').Dashboard} parts.dashboard
	 */
	constructor(root, { store, connection, dashboard }) {
		this.#root = root;
		this.#store = store;
		this.#connection = connection;
		this.#dashboard = dashboard;
		new ReplyLogView(root, this.#log);

		root.querySelector('[data-action="acquire"]')?.addEventListener('click', () => this.#control('ACQUIRE'));
		root.querySelector('[data-action="release"]')?.addEventListener('click', () => this.#control('RELEASE'));
		for (const button of root.querySelectorAll('[data-command]')) {
			button.addEventListener('click', () => this.#commandButton(button.dataset.command));
		}
		for (const button of root.querySelectorAll('[data-nudge]')) {
			button.addEventListener('click', () => this.#command('NUDGE', {
				direction: button.dataset.nudge,
				distance: this.#number('nudge-distance', 5),
			}));
		}
		root.querySelector('[data-login-form]')?.addEventListener('submit', (event) => {
			event.preventDefault();
			const form = new FormData(event.target);
			this.#controlled.clear();
			this.#log.say(form.get('login') ? `Connecting as ${form.get('login')}…` : 'Connecting as a guest…', 'info');
			connection.start({ login: String(form.get('login') ?? ''), passcode: String(form.get('passcode') ?? '') });
		});

		connection.addEventListener('reply', (event) => this.#reply(event.detail));
		connection.addEventListener('huberror', (event) => this.#log.failed(event.detail));
		connection.addEventListener('refused', (event) => {
			this.#log.say(`The hub refused the connection: ${event.detail.message}`, 'error');
			const login = root.querySelector('[data-login]');
			if (login) {
				login.open = true;
			}
		});
		connection.addEventListener('state', (event) => {
			if (event.detail.state !== 'live') {
				this.#stopKeys(false);
				this.#controlled.clear();
			}
		});
		store.addEventListener('change', (event) => {
			if (event.detail.kind === 'event') {
				this.#hubEvent(store.events()[0]);
			}
		});
		dashboard.addEventListener('select', () => {
			this.#stopKeys(true);
			this.#setTarget(null);
		});
		dashboard.addRenderer(() => this.#render());

		addEventListener('keydown', (event) => this.#keyDown(event));
		addEventListener('keyup', (event) => this.#keyUp(event));
		addEventListener('blur', () => this.#stopKeys(true));
		document.addEventListener('visibilitychange', () => {
			if (document.hidden) {
				this.#stopKeys(true);
			}
		});
		this.#render();
	}

	/** What a click on the map does here: GOTO when this pilot flies the selected drone, else select. */
	mapPicked({ lat, lon, droneId }) {
		const selected = this.#dashboard.selectedId;
		if (selected && this.#controlled.has(selected)) {
			const altitude = this.#number('goto-altitude', 20);
			if (this.#command('GOTO', { lat: round(lat, 7), lon: round(lon, 7), altitude })) {
				this.#setTarget({ droneId: selected, lat, lon, seenGoto: false });
			}
		}
		else if (droneId) {
			this.#dashboard.select(droneId);
		}
		else if (selected) {
			this.#log.say(`Take control of ${selected} to send it where you click.`, 'info');
		}
	}

	#commandButton(type) {
		if (type === 'TAKEOFF') {
			this.#command('TAKEOFF', { altitude: this.#number('takeoff-altitude', 15) });
		}
		else {
			this.#command(type);
		}
	}

	#control(action) {
		const droneId = this.#dashboard.selectedId;
		if (!droneId) {
			return;
		}
		this.#send(Destinations.control, controlRequest(droneId, action, this.#nextId()));
	}

	#command(type, fields = {}, quiet = false) {
		const droneId = this.#dashboard.selectedId;
		if (!droneId) {
			return false;
		}
		if (type !== 'MOVE' && type !== 'GOTO') {
			this.#setTarget(null);
		}
		return this.#send(Destinations.command, commandRequest(droneId, type, fields, this.#nextId()), quiet);
	}

	#send(destination, body, quiet = false) {
		if (!this.#connection.send(destination, body)) {
			this.#log.say(`Not connected: ${describeRequest(body)} was not sent.`, 'error');
			return false;
		}
		this.#log.sent(body, { quiet });
		return true;
	}

	#reply(reply) {
		const body = this.#log.replied(reply);
		const accepted = reply.status === 'ACCEPTED';
		if (body?.action === 'ACQUIRE' && accepted) {
			this.#controlled.add(body.droneId);
		}
		if (body?.action === 'RELEASE' && accepted) {
			this.#controlled.delete(body.droneId);
		}
		if (!accepted && (reply.code === 'NOT_IN_CONTROL' || reply.code === 'CONTROLLED_BY_OTHER')) {
			this.#controlled.delete(reply.droneId);
			this.#stopKeys(false);
		}
		if (!accepted && body?.type === 'GOTO') {
			this.#setTarget(null);
		}
		this.#render();
	}

	#hubEvent(event) {
		const me = this.#store.userName;
		if (!event || !me || !this.#controlled.has(event.droneId)) {
			return;
		}
		if ((event.type === 'CONTROL_RELEASED' && event.pilot === me)
				|| (event.type === 'CONTROL_ACQUIRED' && event.pilot && event.pilot !== me)) {
			this.#controlled.delete(event.droneId);
			this.#stopKeys(false);
		}
	}

	#keyDown(event) {
		if (!isFlightKey(event.code) || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) {
			return;
		}
		event.preventDefault();
		const selected = this.#dashboard.selectedId;
		if (!selected || !this.#controlled.has(selected)) {
			if (!event.repeat) {
				this.#log.say(`Take control of ${selected ?? 'a drone'} to fly it with the keyboard.`, 'info');
			}
			return;
		}
		this.#held.add(event.code);
		this.#showKeys();
		if (this.#timer == null) {
			this.#sendMove();
			this.#timer = setInterval(() => this.#sendMove(), MOVE_PERIOD_MS);
		}
	}

	#keyUp(event) {
		if (!this.#held.delete(event.code)) {
			return;
		}
		this.#showKeys();
		if (this.#held.size === 0) {
			this.#stopKeys(true);
		}
	}

	#sendMove() {
		if (!document.hasFocus()) {
			this.#stopKeys(true);
			return;
		}
		const speed = this.#number('move-speed', 5);
		const setpoint = moveSetpoint(this.#held, { horizontal: speed, vertical: Math.min(speed, 2), yawRate: YAW_RATE });
		this.#flying = !isStill(setpoint);
		this.#command('MOVE', setpoint, true);
	}

	/** Stops sending set-points; with {@code still}, sends one zero set-point so the drone stops at once. */
	#stopKeys(still) {
		clearInterval(this.#timer);
		this.#timer = null;
		this.#held.clear();
		this.#showKeys();
		if (still && this.#flying) {
			this.#command('MOVE', { forward: 0, right: 0, up: 0, yawRate: 0 }, true);
		}
		this.#flying = false;
	}

	#showKeys() {
		for (const key of this.#root.querySelectorAll('[data-key]')) {
			setAttribute(key, 'data-held', String(this.#held.has(key.dataset.key)));
		}
		setText(this.#root.querySelector('[data-keyboard-state]'),
				this.#held.size > 0 ? `flying ${this.#dashboard.selectedId} (MOVE set-points 10 times a second)` : 'idle');
	}

	#setTarget(target) {
		this.#target = target;
		this.#dashboard.setTarget(target);
	}

	#render() {
		const selected = this.#dashboard.selectedId;
		const me = this.#store.userName;
		for (const droneId of [...this.#controlled]) {
			const pilot = this.#store.drone(droneId)?.pilot;
			if (pilot && pilot !== me) {
				this.#controlled.delete(droneId);
			}
		}
		const state = this.#store.drone(selected);
		const mine = selected != null && this.#controlled.has(selected);
		let status;
		if (!state) {
			status = 'Waiting for the fleet…';
		}
		else if (mine) {
			status = `You control ${selected}.`;
		}
		else if (state.pilot) {
			status = `${selected} is flown by ${pilotLabel(state.pilot, me)}.`;
		}
		else {
			status = `Nobody controls ${selected}: take control to fly it.`;
		}
		setText(this.#root.querySelector('[data-control-status]'), status);
		setAttribute(this.#root.querySelector('[data-controls]'), 'data-in-control', String(mine));
		for (const name of ['[data-action="acquire"]', '[data-action="release"]']) {
			const button = this.#root.querySelector(name);
			if (button) {
				button.disabled = this.#store.connection !== 'live' || (name.includes('acquire') ? mine : !mine);
			}
		}
		const target = this.#target;
		if (target && state && target.droneId === selected) {
			if (state.mode === 'GOTO') {
				target.seenGoto = true;
			}
			else if (target.seenGoto) {
				this.#setTarget(null);
			}
		}
	}

	#number(field, fallback) {
		const input = this.#root.querySelector(`[data-field="${field}"]`);
		const value = Number.parseFloat(input?.value);
		return Number.isFinite(value) ? value : fallback;
	}

}

function isTyping(target) {
	if (!(target instanceof Element)) {
		return false;
	}
	if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') {
		return true;
	}
	return target.tagName === 'INPUT' && !['button', 'checkbox', 'radio', 'range', 'submit'].includes(target.type);
}

function round(value, digits) {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}
