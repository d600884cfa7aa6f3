/**
 * The landing page's fleet at a glance: one card per drone with its mode, altitude, battery and
 * pilot, whether control is changing hands, the node that simulates it when the hub has several, and links to watch or fly it.
 */
import { element, setAttribute, setText } from './dom.js';
import { controlLabel, formatMeters, formatPercent, modeLabel, pilotLabel } from './format.js';
import { droneColour } from './palette.js';

export class FleetCards {

	#list;

	#cards = new Map();

	#ids = '';

	/** @param {Element} list the element that holds the cards */
	constructor(list) {
		this.#list = list;
	}

	/**
	 * Shows every drone in the store.
	 * @param {import('./store.js').FleetStore} store
	 * @param {Map<string, string>} [nodes] the node that simulates each drone, if several do
	 */
	render(store, nodes = new Map()) {
		const ids = store.droneIds();
		if (ids.join(',') !== this.#ids) {
			this.#ids = ids.join(',');
			this.#list.replaceChildren(...ids.map((id, index) => this.#card(id, index)));
		}
		for (const state of store.drones()) {
			const card = this.#cards.get(state.droneId);
			setText(card.mode, modeLabel(state.mode));
			setAttribute(card.mode, 'data-mode', state.mode);
			setText(card.altitude, formatMeters(state.position?.alt));
			setAttribute(card.altitude, 'data-value', String(state.position?.alt ?? ''));
			setText(card.battery, formatPercent(state.battery?.percent));
			card.meter.value = state.battery?.percent ?? 0;
			setText(card.pilot, pilotLabel(state.pilot, store.userName));
			const control = controlLabel(state.control, state.timestamp, store.userName);
			card.controlRow.hidden = control === '';
			setText(card.control, control || '—');
			setAttribute(card.root, 'data-failsafe', state.failsafe ? 'true' : 'false');
			const node = nodes.get(state.droneId);
			card.nodeRow.hidden = node === undefined;
			setText(card.node, node ?? '—');
		}
	}

	#card(id, index) {
		const mode = element('span', { class: 'mode-badge', 'data-card-field': 'mode' }, ['—']);
		const altitude = element('dd', { 'data-card-field': 'altitude' }, ['—']);
		const battery = element('span', { 'data-card-field': 'battery' }, ['—']);
		const meter = element('meter', { min: '0', max: '100', low: '20', high: '50', optimum: '100', 'aria-label': `${id} battery` });
		const pilot = element('dd', { 'data-card-field': 'pilot' }, ['—']);
		const control = element('dd', { 'data-card-field': 'control' }, ['—']);
		const controlRow = element('div', { hidden: '' }, [element('dt', {}, ['Control']), control]);
		const node = element('dd', { 'data-card-field': 'node' }, ['—']);
		const nodeRow = element('div', { hidden: '' }, [element('dt', {}, ['Node']), node]);
		const encoded = encodeURIComponent(id);
		const root = element('li', { class: 'card drone-card', 'data-drone-id': id, style: `--drone-colour: ${droneColour(index)}` }, [
			element('header', {}, [element('h2', {}, [id]), mode]),
			element('dl', {}, [
				element('div', {}, [element('dt', {}, ['Altitude']), altitude]),
				element('div', {}, [element('dt', {}, ['Battery']), element('dd', {}, [battery, meter])]),
				element('div', {}, [element('dt', {}, ['Pilot']), pilot]),
				controlRow,
				nodeRow,
			]),
			element('footer', {}, [
				element('a', { class: 'button', href: `/watch.html?drone=${encoded}` }, [`Watch ${id}`]),
				element('a', { class: 'button primary', href: `/pilot.html?drone=${encoded}` }, [`Fly ${id}`]),
			]),
		]);
		this.#cards.set(id, { root, mode, altitude, battery, meter, pilot, control, controlRow, node, nodeRow });
		return root;
	}

}
