/**
 * The connection badge and the telemetry age: {@code [data-connection]} shows connecting, live,
 * reconnecting or lost (also in its {@code data-state}), {@code [data-telemetry-age]} how long
 * ago the latest state arrived, marked {@code data-stale="true"} when too long.
 */
import { formatAge } from './format.js';
import { setAttribute, setText } from './dom.js';

/** Telemetry older than this is shown as stale, ms. */
export const STALE_AFTER_MS = 2000;

const STATE_TEXT = {
	connecting: 'connecting…',
	live: 'live',
	reconnecting: 'reconnecting…',
	lost: 'connection lost \u2014 retrying',
};

export class StatusView {

	#badge;

	#age;

	#user;

	/** @param {ParentNode} root */
	constructor(root) {
		this.#badge = root.querySelector('[data-connection]');
		this.#age = root.querySelector('[data-telemetry-age]');
		this.#user = root.querySelector('[data-user-name]');
	}

	/** Shows the store's connection state and telemetry age now. */
	render(store, now = Date.now()) {
		const state = store.connection;
		setAttribute(this.#badge, 'data-state', state);
		setText(this.#badge, STATE_TEXT[state] ?? state);
		const age = store.telemetryAge(now);
		const stale = age == null || age > STALE_AFTER_MS;
		setText(this.#age, age == null ? 'no telemetry yet' : `last update ${formatAge(age)}${stale ? ' \u2014 stale' : ''}`);
		setAttribute(this.#age, 'data-stale', String(stale));
		if (this.#user) {
			setText(this.#user, store.userName ?? '—');
		}
	}

}
