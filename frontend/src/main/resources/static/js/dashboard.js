/**
 * The spectator dashboard, shared by the watch page and the pilot console: the map with the
 * drones' mission routes, the drone picker, the instruments, the charts, the event log and the
 * connection status, all redrawn on animation frames from the store's latest state.
 *
 * Dispatches {@code select} (detail {@code {droneId}}) when the selected drone changes.
 */
import { MapView } from './map.js';
import { InstrumentPanel } from './instruments.js';
import { TimeChart } from './charts.js';
import { EventLog } from './event-log.js';
import { StatusView } from './status-view.js';
import { element } from './dom.js';
import { MissionRoutes } from './mission-routes.js';
import { fetchJson } from './flights-client.js';

/** The hub's background map, from {@code GET /api/map}, or null when it cannot say. */
function loadMapSettings() {
	return fetchJson('/api/map').catch(() => null);
}

export class Dashboard extends EventTarget {

	#store;

	#root;

	#selectedId;

	#target = null;

	#map;

	#instruments;

	#charts = [];

	#events;

	#status;

	#picker;

	#pickerIds = '';

	#seenVersion = -1;

	#mapMoving = true;

	#renderers = [];

	#path;

	#routes;

	#plan;

	/**
	 * @param {ParentNode} root the page
	 * @param {import('./store.js').FleetStore} store
	 * @param {object} [options]
	 * @param {string|null} [options.droneId] the drone to select first (from ?drone=)
	 * @param {(pick: {lat:number, lon:number, droneId:string|null}) => void} [options.onMapPick]
	 * what a map click does; by default it selects the clicked drone
	 * @param {() => {lat:number, lon:number}[]} [options.path] a recorded path to draw under the
	 * drones (a replay's)
	 * @param {() => ({points: {lat:number, lon:number}[], selected: number}|null)} [options.plan] a
	 * mission being planned, to draw
	 * @param {(pick: object) => boolean} [options.onMapPress] a press on the map: true to drag from there
	 * @param {(pick: object, done: boolean) => void} [options.onMapDrag] the drag it started
	 * @param {boolean} [options.routes] whether the map draws the drones' uploaded missions
	 */
	constructor(root, store, { droneId = null, onMapPick = null, path = () => [], plan = () => null,
		onMapPress = () => false, onMapDrag = () => {}, routes = true } = {}) {
		super();
		this.#root = root;
		this.#store = store;
		this.#selectedId = droneId;
		this.#path = path;
		this.#plan = plan;
		this.#routes = routes ? new MissionRoutes(store, { onChange: () => this.redraw() }) : null;
		this.#status = new StatusView(root);
		const pick = onMapPick ?? ((p) => p.droneId && this.select(p.droneId));
		this.#map = new MapView(root.querySelector('[data-map]'), {
			onPick: pick, onPress: onMapPress, onDrag: onMapDrag, onRedraw: () => this.#mapAction(() => {}),
		});
		loadMapSettings().then((settings) => this.#map.setTiles(settings));
		this.#instruments = new InstrumentPanel(root.querySelector('[data-instruments]'));
		const altitude = root.querySelector('[data-chart="altitude"]');
		if (altitude) {
			this.#charts.push({ chart: new TimeChart(altitude, { key: 'alt', unit: 'm', colour: '#4fd1c5', min: 0, minRange: 20 }),
				value: (s) => s.position?.alt });
		}
		const battery = root.querySelector('[data-chart="battery"]');
		if (battery) {
			this.#charts.push({ chart: new TimeChart(battery, { key: 'battery', unit: '%', colour: '#f6ad55', min: 0, max: 100 }),
				value: (s) => s.battery?.percent });
		}
		const events = root.querySelector('[data-event-log]');
		this.#events = events ? new EventLog(events) : null;
		this.#picker = root.querySelector('[data-drone-picker]');
		this.#picker?.addEventListener('change', () => this.select(this.#picker.value));
		for (const button of root.querySelectorAll('[data-map-focus]')) {
			button.addEventListener('click', () => this.#mapAction(() => this.#map.setFocus(button.dataset.mapFocus)));
		}
		for (const button of root.querySelectorAll('[data-map-zoom]')) {
			const factor = button.dataset.mapZoom === 'in' ? 1 / 1.5 : 1.5;
			button.addEventListener('click', () => this.#mapAction(() => this.#map.zoomBy(factor)));
		}
		root.querySelector('[data-map]')?.addEventListener('wheel', () => {
			this.#mapMoving = true;
		});
		addEventListener('resize', () => {
			this.#seenVersion = -1;
		});
	}

	/** The selected drone's id, or null before the fleet is known. */
	get selectedId() {
		return this.#selectedId;
	}

	/** Selects a drone: the instruments, charts and controls follow it. */
	select(droneId) {
		if (droneId === this.#selectedId) {
			return;
		}
		this.#selectedId = droneId;
		this.#seenVersion = -1;
		const url = new URL(location.href);
		url.searchParams.set('drone', droneId);
		history.replaceState(null, '', url);
		this.dispatchEvent(new CustomEvent('select', { detail: { droneId } }));
	}

	/** Marks a GOTO target on the map, or clears it with null. */
	setTarget(target) {
		this.#target = target;
		this.redraw();
	}

	/** Draws everything again on the next frame, for a change that is not in the store. */
	redraw() {
		this.#seenVersion = -1;
	}

	/** Adds something else to draw on every frame (e.g. the pilot controls' state). */
	addRenderer(render) {
		this.#renderers.push(render);
	}

	/** Starts drawing on every animation frame. */
	start() {
		const frame = () => {
			this.#render();
			requestAnimationFrame(frame);
		};
		requestAnimationFrame(frame);
	}

	#mapAction(action) {
		action();
		this.#mapMoving = true;
	}

	#render() {
		const store = this.#store;
		this.#status.render(store);
		const changed = store.version !== this.#seenVersion;
		if (!changed && !this.#mapMoving) {
			return;
		}
		this.#seenVersion = store.version;
		const ids = store.droneIds();
		if (ids.length > 0 && !ids.includes(this.#selectedId)) {
			this.select(ids[0]);
		}
		this.#renderPicker(ids);
		const drones = store.drones();
		this.#mapMoving = this.#map.render({
			drones,
			history: (id) => store.history(id),
			selectedId: this.#selectedId,
			target: this.#target,
			path: this.#path(),
			routes: this.#routes?.routes() ?? [],
			plan: this.#plan(),
		});
		if (!changed) {
			return;
		}
		const selected = store.drone(this.#selectedId);
		this.#instruments.render(selected, store.userName);
		const samples = store.history(this.#selectedId);
		for (const { chart, value } of this.#charts) {
			chart.render(samples, selected ?? null, selected ? value(selected) : null);
		}
		this.#events?.render(store);
		for (const render of this.#renderers) {
			render();
		}
	}

	#renderPicker(ids) {
		if (!this.#picker) {
			return;
		}
		const key = ids.join(',');
		if (key !== this.#pickerIds) {
			this.#pickerIds = key;
			this.#picker.replaceChildren(...ids.map((id) => element('option', { value: id }, [id])));
		}
		if (this.#selectedId && this.#picker.value !== this.#selectedId) {
			this.#picker.value = this.#selectedId;
		}
	}

}
