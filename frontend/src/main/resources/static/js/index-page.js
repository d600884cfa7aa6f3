/**
 * The landing page (/): the fleet at a glance, live at two states per drone per second, and the
 * hub's nodes when it has several, asked every few seconds.
 */
import { startPage } from './page.js';
import { FleetCards } from './fleet-cards.js';
import { StatusView } from './status-view.js';
import { ClusterPanel } from './cluster-panel.js';
import { CLUSTER_URL, dronesByNode } from './cluster.js';
import { fetchJson } from './flights-client.js';

/** How often the nodes are asked again, in ms. */
const CLUSTER_REFRESH_MS = 2000;

/** Cards change slowly: two states per drone per second are plenty. */
const TELEMETRY_RATE_HZ = 2;

const { store } = startPage({ telemetryRateHz: TELEMETRY_RATE_HZ });
const cards = new FleetCards(document.querySelector('[data-fleet-cards]'));
const cluster = new ClusterPanel(document.querySelector('[data-cluster]'));
const status = new StatusView(document);
let nodes = new Map();
let seen = -1;

async function refreshCluster() {
	let view = null;
	try {
		view = await fetchJson(CLUSTER_URL);
	}
	catch {
		// no answer, or not allowed: nothing to show
	}
	cluster.render(view);
	nodes = dronesByNode(view);
	seen = -1;
}

const frame = () => {
	status.render(store);
	if (store.version !== seen) {
		seen = store.version;
		cards.render(store, nodes);
	}
	requestAnimationFrame(frame);
};
requestAnimationFrame(frame);
refreshCluster();
setInterval(refreshCluster, CLUSTER_REFRESH_MS);
