/**
 * The pilot console page (/pilot.html?drone=d1): the dashboard plus the pilot's controls.
 */
import { HubConnection } from './connection.js';
import { FleetStore } from './store.js';
import { feed } from './feed.js';
import { Dashboard } from './dashboard.js';
import { PilotControls } from './pilot-controls.js';
import { brokerUrl } from './wire.js';

const store = new FleetStore();
const connection = new HubConnection(brokerUrl(location));
feed(connection, store);
let controls = null;
const dashboard = new Dashboard(document, store, {
	droneId: new URLSearchParams(location.search).get('drone'),
	onMapPick: (pick) => controls?.mapPicked(pick),
});
controls = new PilotControls(document, { store, connection, dashboard });
dashboard.start();
connection.start();
