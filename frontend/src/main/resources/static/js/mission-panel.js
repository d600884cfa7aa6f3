/**
 * The console's mission panel: plan a mission on the map (a click adds a waypoint, a drag moves
 * one, Delete or its Remove button removes it), set each waypoint's altitude and what the drone
 * does at the end, upload it, and start, pause, resume or clear the selected drone's mission, with
 * its progress from telemetry. A refused upload selects the waypoint the hub named.
 */
import { Destinations, missionRequest } from './wire.js';
import { missionProgressLabel } from './mission-plan.js';
import { element, numberField, setText } from './dom.js';
import { formatCoordinates } from './format.js';

/** How close (CSS px) a press must be to a waypoint to take it. */
const WAYPOINT_PICK_PX = 14;

export class MissionPanel {

	#root;

	#store;

	#dashboard;

	#plan;

	#send;

	#nextId;

	#inControl;

	#planning = false;

	#uploadId = null;

	/**
	 * @param {ParentNode} root the page
	 * @param {object} parts
	 * @param {import('./store.js').FleetStore} parts.store
	 * @param {import('./dashboard.js').Dashboard} parts.dashboard
	 * @param {import('./mission-plan.js').MissionPlan} parts.plan
	 * @param {(destination: string, body: object) => boolean} parts.send sends a request, logging it
	 * @param {() => string} parts.nextId a new commandId
	 * @param {(droneId: string) => boolean} parts.inControl whether this console controls a drone
	 * @param {import('./connection.js').HubConnection} parts.connection its replies
	 */
	constructor(root, { store, dashboard, plan, send, nextId, inControl, connection }) {
		this.#root = root;
		this.#store = store;
		this.#dashboard = dashboard;
		this.#plan = plan;
		this.#send = send;
		this.#nextId = nextId;
		this.#inControl = inControl;
		this.#button('[data-mission-plan]')?.addEventListener('click', () => this.#setPlanning(!this.#planning));
		this.#button('[data-mission-clear-plan]')?.addEventListener('click', () => plan.clear());
		for (const button of root.querySelectorAll('[data-mission]')) {
			button.addEventListener('click', () => this.#request(button.dataset.mission));
		}
		plan.addEventListener('change', () => {
			this.#renderWaypoints();
			dashboard.redraw();
		});
		connection.addEventListener('reply', (event) => this.#replied(event.detail));
		root.addEventListener?.('keydown', (event) => this.#key(event));
		dashboard.addRenderer(() => this.#render());
		this.#renderWaypoints();
		this.#render();
	}

	/** Whether map clicks plan waypoints now. */
	get planning() {
		return this.#planning;
	}

	/** What to draw on the map: the plan, while it has waypoints. */
	drawn() {
		const points = this.#plan.waypoints;
		return points.length > 0 ? { points, selected: this.#planning ? this.#plan.selected : -1 } : null;
	}

	/**
	 * A click on the map while planning: selects the waypoint clicked, or adds one there.
	 * @returns {boolean} whether the click was the plan's
	 */
	mapPicked({ lat, lon, metersPerPixel }) {
		if (!this.#planning) {
			return false;
		}
		const near = this.#plan.nearest(lat, lon, WAYPOINT_PICK_PX * metersPerPixel);
		if (near >= 0) {
			this.#plan.select(near);
		}
		else if (!this.#plan.add(lat, lon, numberField(this.#root, 'waypoint-altitude', 20))) {
			this.#say('A mission has at most 100 waypoints.');
		}
		return true;
	}

	/**
	 * A press on the map: while planning, on a waypoint, it starts dragging that waypoint.
	 * @returns {boolean} whether a drag starts
	 */
	mapPressed({ lat, lon, metersPerPixel }) {
		const near = this.#planning ? this.#plan.nearest(lat, lon, WAYPOINT_PICK_PX * metersPerPixel) : -1;
		if (near >= 0) {
			this.#plan.select(near);
		}
		return near >= 0;
	}

	/** The dragged waypoint follows the pointer. */
	mapDragged({ lat, lon }) {
		this.#plan.move(this.#plan.selected, lat, lon);
	}

	#setPlanning(planning) {
		this.#planning = planning;
		this.#render();
		this.#dashboard.redraw();
	}

	#key(event) {
		const typing = event.target instanceof Element && event.target.closest('input, select, textarea');
		if (this.#planning && !typing && (event.key === 'Delete' || event.key === 'Backspace') && this.#plan.selected >= 0) {
			event.preventDefault();
			this.#plan.remove(this.#plan.selected);
		}
	}

	#request(action) {
		const droneId = this.#dashboard.selectedId;
		if (!droneId) {
			return;
		}
		if (action === 'UPLOAD') {
			if (this.#plan.waypoints.length === 0) {
				this.#say('Plan the mission first: press "Plan on the map" and click where the drone should fly.');
				return;
			}
			this.#uploadId = this.#nextId();
			const missionId = this.#field('mission-id')?.value.trim() || 'mission';
			this.#send(Destinations.mission, this.#plan.upload(droneId, missionId, this.#field('mission-finish')?.value ?? 'HOLD',
				this.#uploadId));
			return;
		}
		this.#send(Destinations.mission, missionRequest(droneId, action, this.#nextId()));
	}

	#replied(reply) {
		if (reply.commandId === this.#uploadId && Number.isInteger(reply.item)) {
			this.#plan.select(reply.item);
			this.#setPlanning(true);
		}
	}

	#renderWaypoints() {
		const list = this.#root.querySelector('[data-waypoints]');
		if (!list) {
			return;
		}
		const points = this.#plan.waypoints;
		list.replaceChildren(...points.map((point, index) => {
			const altitude = element('input', {
				type: 'number', min: '1', max: '100', step: '1', value: String(point.altitude), inputmode: 'decimal',
				'aria-label': `Altitude of waypoint ${index + 1} in metres`, 'data-waypoint-altitude': String(index),
			});
			altitude.addEventListener('change', () => this.#plan.setAltitude(index, Number.parseFloat(altitude.value)));
			const remove = element('button', { type: 'button', 'data-waypoint-remove': String(index),
				'aria-label': `Remove waypoint ${index + 1}` }, ['Remove']);
			remove.addEventListener('click', () => this.#plan.remove(index));
			const item = element('li', { 'data-waypoint': String(index), 'aria-current': index === this.#plan.selected ? 'true' : 'false' }, [
				element('span', { class: 'waypoint-number' }, [String(index + 1)]),
				element('span', { class: 'waypoint-place' }, [formatCoordinates(point.lat, point.lon)]),
				element('label', {}, [altitude, ' m']),
				remove,
			]);
			item.addEventListener('click', (event) => {
				if (!(event.target instanceof Element && event.target.closest('input, button'))) {
					this.#plan.select(index);
				}
			});
			return item;
		}));
		const length = this.#plan.length();
		setText(this.#root.querySelector('[data-mission-summary]'), points.length === 0 ? 'No waypoints planned.'
			: `${points.length} waypoint${points.length === 1 ? '' : 's'}, ${Math.round(length)} m from the first to the last.`);
	}

	#render() {
		const droneId = this.#dashboard.selectedId;
		const state = this.#store.drone(droneId);
		const progress = missionProgressLabel(state?.mission);
		setText(this.#root.querySelector('[data-mission-progress]'),
			progress ? `Mission ${progress}.` : `No mission uploaded for ${droneId ?? 'this drone'}.`);
		const toggle = this.#button('[data-mission-plan]');
		if (toggle) {
			toggle.setAttribute('aria-pressed', String(this.#planning));
			setText(toggle, this.#planning ? 'Done planning' : 'Plan on the map');
		}
		const mine = droneId != null && this.#inControl(droneId) && this.#store.connection === 'live';
		const mission = state?.mission;
		const enabled = {
			UPLOAD: mine && this.#plan.waypoints.length > 0 && !(mission?.state === 'ACTIVE'),
			START: mine && mission != null,
			PAUSE: mine && mission?.state === 'ACTIVE',
			RESUME: mine && mission?.state === 'PAUSED',
			CLEAR: mine && mission != null,
		};
		for (const button of this.#root.querySelectorAll('[data-mission]')) {
			button.disabled = !enabled[button.dataset.mission];
		}
	}

	#say(text) {
		setText(this.#root.querySelector('[data-mission-summary]'), text);
	}

	#button(selector) {
		return this.#root.querySelector(selector);
	}

	#field(name) {
		return this.#root.querySelector(`[data-field="${name}"]`);
	}

}
