/**
 * What every live page does first: a fleet store fed by a connection to the hub that served
 * the page, connecting now.
 */
import { HubConnection, LIVE } from './connection.js';
import { FleetStore } from './store.js';
import { feed } from './feed.js';
import { brokerUrl } from './wire.js';

/**
 * Creates the store and the connection, feeds one into the other and starts connecting. Views
 * wired up in the same task see every message: the hub's frames arrive in later tasks.
 * @param {{telemetryRateHz?: number|null, follow?: readonly string[]}} [options] the states per
 * drone per second the page asks for, or null (the default) for every tick; what it follows
 * ({@link LIVE} by default)
 * @returns {{store: FleetStore, connection: HubConnection}}
 */
export function startPage({ telemetryRateHz = null, follow = LIVE } = {}) {
	const store = new FleetStore();
	const connection = new HubConnection(brokerUrl(location), { telemetryRateHz, follow });
	feed(connection, store);
	connection.start();
	return { store, connection };
}
