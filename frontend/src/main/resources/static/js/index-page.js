/**
 * The landing page (/): the fleet at a glance, live.
 */
import { startPage } from './page.js';
import { FleetCards } from './fleet-cards.js';
import { StatusView } from './status-view.js';

const { store } = startPage();
const cards = new FleetCards(document.querySelector('[data-fleet-cards]'));
const status = new StatusView(document);
let seen = -1;
const frame = () => {
	status.render(store);
	if (store.version !== seen) {
		seen = store.version;
		cards.render(store);
	}
	requestAnimationFrame(frame);
};
requestAnimationFrame(frame);
