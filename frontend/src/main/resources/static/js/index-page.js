/**
 * The landing page (/): the fleet at a glance, live.
 */
import { HubConnection } from './connection.js';
import { FleetStore } from './store.js';
import { feed } from './feed.js';
import { FleetCards } from './fleet-cards.js';
import { StatusView } from './status-view.js';
import { brokerUrl } from './wire.js';

const store = new FleetStore();
const connection = new HubConnection(brokerUrl(location));
feed(connection, store);
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
connection.start();
