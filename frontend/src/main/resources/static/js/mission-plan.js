/**
 * A mission being planned in the console: waypoints added by clicking the map, moved by dragging,
 * removed, each with its altitude, and the upload body made from them. Pure: no DOM, no map.
 */
import { distanceMeters } from './geo.js';
import { missionUpload, rounded } from './wire.js';

/** The most waypoints the hub takes in one mission. */
export const MAX_WAYPOINTS = 100;

export class MissionPlan extends EventTarget {

	#waypoints = [];

	#selected = -1;

	/** The waypoints, in order: {lat, lon, altitude}. */
	get waypoints() {
		return this.#waypoints.map((point) => ({ ...point }));
	}

	/** The index of the selected waypoint, or -1. */
	get selected() {
		return this.#selected;
	}

	/**
	 * Adds a waypoint at the end and selects it.
	 * @returns {boolean} false when the plan is full
	 */
	add(lat, lon, altitude) {
		if (this.#waypoints.length >= MAX_WAYPOINTS) {
			return false;
		}
		this.#waypoints.push({ lat, lon, altitude });
		this.#selected = this.#waypoints.length - 1;
		this.#changed();
		return true;
	}

	/** Moves a waypoint to another place, keeping its altitude. */
	move(index, lat, lon) {
		const point = this.#waypoints[index];
		if (point) {
			point.lat = lat;
			point.lon = lon;
			this.#changed();
		}
	}

	/** Sets a waypoint's altitude, m. */
	setAltitude(index, altitude) {
		const point = this.#waypoints[index];
		if (point && Number.isFinite(altitude)) {
			point.altitude = altitude;
			this.#changed();
		}
	}

	/** Removes a waypoint; the one after it, or else the new last one, is selected. */
	remove(index) {
		if (index < 0 || index >= this.#waypoints.length) {
			return;
		}
		this.#waypoints.splice(index, 1);
		this.#selected = Math.min(index, this.#waypoints.length - 1);
		this.#changed();
	}

	/** Selects a waypoint, or none with -1. */
	select(index) {
		this.#selected = (index >= 0 && index < this.#waypoints.length) ? index : -1;
		this.#changed();
	}

	/** Removes every waypoint. */
	clear() {
		this.#waypoints = [];
		this.#selected = -1;
		this.#changed();
	}

	/**
	 * The waypoint nearest a point, if one is within {@code withinMeters}.
	 * @returns {number} its index, or -1
	 */
	nearest(lat, lon, withinMeters) {
		let best = -1;
		let bestDistance = withinMeters;
		this.#waypoints.forEach((point, index) => {
			const distance = distanceMeters(point, { lat, lon });
			if (distance <= bestDistance) {
				best = index;
				bestDistance = distance;
			}
		});
		return best;
	}

	/** The route's length from the first waypoint to the last, m. */
	length() {
		let total = 0;
		for (let i = 1; i < this.#waypoints.length; i++) {
			total += distanceMeters(this.#waypoints[i - 1], this.#waypoints[i]);
		}
		return total;
	}

	/**
	 * The {@code /app/mission} upload of this plan.
	 * @param {string} droneId
	 * @param {string} missionId
	 * @param {string} finish HOLD, RTL or LAND
	 * @param {string} [commandId]
	 */
	upload(droneId, missionId, finish, commandId) {
		const items = this.#waypoints.map(({ lat, lon, altitude }) => ({
			lat: rounded(lat, 7), lon: rounded(lon, 7), altitude: rounded(altitude, 1),
		}));
		return missionUpload(droneId, missionId, items, finish, commandId);
	}

	#changed() {
		this.dispatchEvent(new Event('change'));
	}

}

/**
 * A drone's mission progress in words, from telemetry's {@code mission}: "waypoint 2 of 4",
 * "paused at waypoint 2 of 4", "ready: 4 waypoints", "finished", or '' without a mission.
 */
export function missionProgressLabel(mission) {
	if (mission == null) {
		return '';
	}
	const { missionId, current, total, state } = mission;
	switch (state) {
		case 'READY':
			return `${missionId}: ready, ${total} waypoint${total === 1 ? '' : 's'}`;
		case 'ACTIVE':
			return `${missionId}: flying to waypoint ${current + 1} of ${total}`;
		case 'PAUSED':
			return `${missionId}: paused at waypoint ${current + 1} of ${total}`;
		case 'FINISHED':
			return `${missionId}: finished, ${total} of ${total}`;
		default:
			return `${missionId}: ${state}`;
	}
}
