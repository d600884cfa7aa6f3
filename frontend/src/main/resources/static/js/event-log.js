/**
 * The event log: the store's events, newest first, built with text nodes only.
 */
import { element } from './dom.js';
import { formatClock } from './format.js';

const TYPE_LABELS = {
	CONTROL_ACQUIRED: 'control taken',
	CONTROL_RELEASED: 'control released',
	CONTROL_REQUESTED: 'control asked for',
	CONTROL_GRANTED: 'control handed over',
	CONTROL_DENIED: 'control request denied',
	CONTROL_REQUEST_TIMED_OUT: 'control request unanswered',
	CONTROL_REQUEST_WITHDRAWN: 'control request ended',
	CONTROL_TAKEOVER_ALLOWED: 'takeover allowed',
	CONTROL_TAKEOVER_DISALLOWED: 'takeover needs asking',
	MODE_CHANGED: 'mode',
	MISSION_UPLOADED: 'mission uploaded',
	MISSION_STARTED: 'mission started',
	MISSION_RESUMED: 'mission resumed',
	MISSION_ITEM_REACHED: 'waypoint reached',
	MISSION_PAUSED: 'mission paused',
	MISSION_FINISHED: 'mission finished',
	MISSION_CLEARED: 'mission cleared',
	FAILSAFE: 'failsafe',
	COMMAND_REJECTED: 'rejected',
};

/** How many events are shown. */
const SHOWN = 40;

/**
 * One event's line: its time, drone, type, detail and pilot, built with text nodes only.
 * @param {{type: string, droneId: string|null, pilot: string|null, timestamp: number, detail: string|null}} event
 * @returns {HTMLLIElement}
 */
export function eventLine(event) {
	return element('li', {
		'data-event-type': event.type,
		'data-drone-id': event.droneId,
	}, [
		element('time', { datetime: Number.isFinite(event.timestamp) ? new Date(event.timestamp).toISOString() : null },
			[formatClock(event.timestamp)]),
		element('span', { class: 'event-drone' }, [event.droneId ?? '']),
		element('span', { class: `event-type event-${String(event.type).toLowerCase()}` },
			[TYPE_LABELS[event.type] ?? String(event.type)]),
		element('span', { class: 'event-detail' }, [event.detail ?? '']),
		element('span', { class: 'event-pilot' }, [event.pilot ? `by ${event.pilot}` : '']),
	]);
}

export class EventLog {

	#list;

	#version = -1;

	/** @param {HTMLOListElement|HTMLUListElement} list */
	constructor(list) {
		this.#list = list;
	}

	/** Redraws the list if the store's events changed. */
	render(store) {
		if (store.eventsVersion === this.#version) {
			return;
		}
		this.#version = store.eventsVersion;
		const items = store.events().slice(0, SHOWN).map((event) => eventLine(event));
		if (items.length === 0) {
			items.push(element('li', { class: 'empty' }, ['No events yet.']));
		}
		this.#list.replaceChildren(...items);
	}

}
