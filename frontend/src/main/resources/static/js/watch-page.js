/**
 * The spectator dashboard page (/watch.html?drone=d1): connects, feeds the store, draws.
 */
import { HubConnection } from './connection.js';
import { FleetStore } from './store.js';
import { feed } from './feed.js';
import { Dashboard } from './dashboard.js';
import { brokerUrl } from './wire.js';

const store = new FleetStore();
const connection = new HubConnection(brokerUrl(location));
feed(connection, store);
const dashboard = new Dashboard(document, store, { droneId: new URLSearchParams(location.search).get('drone') });
dashboard.start();
connection.start();
