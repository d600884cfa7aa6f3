/**
 * The routes of the drones' uploaded missions, for the map: when a drone's telemetry shows a
 * mission it has not loaded (another id or length, or an upload event for the drone), it reads the
 * waypoints once from {@code GET /api/drones/{id}/mission}; telemetry's {@code mission.current}
 * gives the progress on every frame.
 */
import { fetchJson } from './flights-client.js';

/** Reads a drone's uploaded mission, or null when it has none or the hub cannot say. */
function loadPlan(droneId) {
	return fetchJson(`/api/drones/${encodeURIComponent(droneId)}/mission`).catch(() => null);
}

export class MissionRoutes {

	#store;

	#load;

	#onChange;

	/** droneId → {key, points} of the route loaded, or {key, points: null} while loading. */
	#routes = new Map();

	/**
	 * @param {import('./store.js').FleetStore} store
	 * @param {object} [options]
	 * @param {(droneId: string) => Promise<object|null>} [options.load] reads a drone's mission, null when
	 * there is none or it cannot be read
	 * @param {() => void} [options.onChange] a route was loaded or dropped
	 */
	constructor(store, { load = loadPlan, onChange = () => {} } = {}) {
		this.#store = store;
		this.#load = load;
		this.#onChange = onChange;
		store.addEventListener('change', (event) => this.#update(event.detail?.kind === 'event' ? store.events()[0] : null));
	}

	/**
	 * The routes to draw: one per drone whose mission is loaded.
	 * @returns {{droneId: string, points: {lat:number, lon:number}[], current: number}[]}
	 */
	routes() {
		const routes = [];
		for (const state of this.#store.drones()) {
			const route = this.#routes.get(state.droneId);
			if (route?.points && state.mission) {
				routes.push({ droneId: state.droneId, points: route.points, current: state.mission.current });
			}
		}
		return routes;
	}

	/** @param {object|null} event the event that just arrived, if one did */
	#update(event) {
		const uploaded = (event?.type === 'MISSION_UPLOADED') ? event.droneId : null;
		for (const state of this.#store.drones()) {
			const key = state.mission ? `${state.mission.missionId}/${state.mission.total}` : null;
			const known = this.#routes.get(state.droneId);
			if (key === null) {
				if (known) {
					this.#routes.delete(state.droneId);
					this.#onChange();
				}
			}
			else if (known?.key !== key || uploaded === state.droneId) {
				this.#fetch(state.droneId, key);
			}
		}
	}

	async #fetch(droneId, key) {
		this.#routes.set(droneId, { key, points: this.#routes.get(droneId)?.points ?? null });
		const plan = await this.#load(droneId);
		if (this.#routes.get(droneId)?.key !== key) {
			return;
		}
		this.#routes.set(droneId, { key, points: plan ? plan.items.map(({ lat, lon }) => ({ lat, lon })) : null });
		this.#onChange();
	}

}
