/**
 * The pilot's controls: take and release control, flight commands, nudges, click-on-map GOTO and
 * keyboard flight, each sending its request, with every reply and error from the hub in the
 * reply log, and whether this pilot controls the selected drone. It sends through the connection
 * and reads the store and the controlled drones; it never draws the map itself.
 */
import { commandIds, commandRequest, controlRequest, describeRequest, Destinations, rounded } from './wire.js';
import { pilotLabel } from './format.js';
import { numberField, setAttribute, setText } from './dom.js';
import { KeyboardFlight } from './keyboard-flight.js';
import { ControlledDrones } from './controlled-drones.js';

/** The seconds another pilot has to answer this console's request for their drone. */
const REQUEST_TIMEOUT_S = 10;

export class PilotControls {

	#root;

	#store;

	#connection;

	#dashboard;

	#nextId = commandIds();

	#controlled;

	#keyboard;

	#log;

	#target = null;

	/**
	 * @param {ParentNode} root the page
	 * @param {object} parts
	 * @param {import('./store.js').FleetStore} parts.store
	 * @param {import('./connection.js').HubConnection} parts.connection
	 * @param {import('./dashboard.js').Dashboard} parts.dashboard
	 * @param {import('./reply-log.js').ReplyLog} parts.log where requests and their replies are logged
	 */
	constructor(root, { store, connection, dashboard, log }) {
		this.#root = root;
		this.#store = store;
		this.#connection = connection;
		this.#dashboard = dashboard;
		this.#log = log;
		this.#controlled = new ControlledDrones(store);
		this.#keyboard = new KeyboardFlight(root, {
			selected: () => dashboard.selectedId,
			inControl: (droneId) => this.#controlled.has(droneId),
			speed: () => this.#number('move-speed', 5),
			move: (setpoint) => this.#command('MOVE', setpoint, true),
			say: (text) => this.#log.say(text, 'info'),
		});

		root.querySelector('[data-action="acquire"]')?.addEventListener('click', () => this.#control('ACQUIRE'));
		root.querySelector('[data-action="release"]')?.addEventListener('click', () => this.#control('RELEASE'));
		root.querySelector('[data-action="request"]')?.addEventListener('click',
			() => this.#control('REQUEST', { timeoutS: REQUEST_TIMEOUT_S }));
		const allow = root.querySelector('[data-field="allow-takeover"]');
		allow?.addEventListener('change', () => this.#control('ALLOW_TAKEOVER', { allow: allow.checked }));
		for (const button of root.querySelectorAll('[data-command]')) {
			button.addEventListener('click', () => this.#commandButton(button.dataset.command));
		}
		for (const button of root.querySelectorAll('[data-nudge]')) {
			button.addEventListener('click', () => this.#command('NUDGE', {
				direction: button.dataset.nudge,
				distance: this.#number('nudge-distance', 5),
			}));
		}

		connection.addEventListener('reply', (event) => this.#reply(event.detail));
		connection.addEventListener('huberror', (event) => this.#log.failed(event.detail));
		this.#controlled.addEventListener('change', (event) => {
			if (!event.detail.controlled) {
				this.#keyboard.stop(false);
			}
			dashboard.redraw();
		});
		store.addEventListener('change', () => this.#followTarget());
		dashboard.addEventListener('select', () => {
			this.#keyboard.stop(true);
			this.#setTarget(null);
		});
		dashboard.addRenderer(() => this.#render());
		this.#render();
	}

	/**
	 * Sends a request of another part of the console, such as the mission panel, logging it.
	 * @param {string} destination
	 * @param {object} body with its commandId from {@link nextId}
	 * @returns {boolean} whether it was sent
	 */
	send(destination, body) {
		return this.#send(destination, body);
	}

	/** A new commandId. */
	nextId() {
		return this.#nextId();
	}

	/** Whether this console controls a drone. */
	inControl(droneId) {
		return this.#controlled.has(droneId);
	}

	/** What a click on the map does here: GOTO when this pilot flies the selected drone, else select. */
	mapPicked({ lat, lon, droneId }) {
		const selected = this.#dashboard.selectedId;
		if (selected && this.#controlled.has(selected)) {
			const altitude = this.#number('goto-altitude', 20);
			if (this.#command('GOTO', { lat: rounded(lat, 7), lon: rounded(lon, 7), altitude })) {
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

	/**
	 * Answers another pilot's request for a drone this pilot controls.
	 * @param {string} droneId
	 * @param {string} requestId from the request
	 * @param {boolean} grant whether the drone passes to them
	 */
	answer(droneId, requestId, grant) {
		this.#send(Destinations.control, controlRequest(droneId, grant ? 'GRANT' : 'DENY', this.#nextId(), { requestId }));
	}

	#control(action, fields = {}) {
		const droneId = this.#dashboard.selectedId;
		if (!droneId) {
			return;
		}
		this.#send(Destinations.control, controlRequest(droneId, action, this.#nextId(), fields));
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
		const request = this.#log.replied(reply);
		this.#controlled.replied(reply, request);
		if (reply.status !== 'ACCEPTED' && request?.type === 'GOTO') {
			this.#setTarget(null);
		}
	}

	/** Clears the GOTO target once the drone has flown there: when it leaves GOTO mode. */
	#followTarget() {
		const target = this.#target;
		const state = target && this.#store.drone(target.droneId);
		if (!state) {
			return;
		}
		if (state.mode === 'GOTO') {
			target.seenGoto = true;
		}
		else if (target.seenGoto) {
			this.#setTarget(null);
		}
	}

	#setTarget(target) {
		this.#target = target;
		this.#dashboard.setTarget(target);
	}

	#render() {
		const selected = this.#dashboard.selectedId;
		const me = this.#store.userName;
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
			status = `${selected} is flown by ${pilotLabel(state.pilot, me)}: ask for control to fly it.`;
		}
		else {
			status = `Nobody controls ${selected}: take control to fly it.`;
		}
		setText(this.#root.querySelector('[data-control-status]'), status);
		setAttribute(this.#root.querySelector('[data-controls]'), 'data-in-control', String(mine));
		const live = this.#store.connection === 'live';
		const flownByOther = Boolean(state?.pilot) && !mine;
		const acquire = this.#root.querySelector('[data-action="acquire"]');
		if (acquire) {
			acquire.disabled = !live || mine;
			acquire.hidden = flownByOther;
		}
		const request = this.#root.querySelector('[data-action="request"]');
		if (request) {
			request.disabled = !live;
			request.hidden = !flownByOther;
		}
		const release = this.#root.querySelector('[data-action="release"]');
		if (release) {
			release.disabled = !live || !mine;
		}
		const allow = this.#root.querySelector('[data-field="allow-takeover"]');
		if (allow) {
			allow.disabled = !live || !mine;
			if (!mine) {
				allow.checked = false;
			}
		}
	}

	#number(field, fallback) {
		return numberField(this.#root, field, fallback);
	}

}
