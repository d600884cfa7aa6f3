/**
 * Connects a hub connection's messages to the fleet store: messages flow one way, from the hub
 * into the store, and views render from the store.
 */

/**
 * @param {import('./connection.js').HubConnection} connection
 * @param {import('./store.js').FleetStore} store
 */
export function feed(connection, store) {
	connection.addEventListener('state', (event) => {
		if (event.detail.state === 'live') {
			store.connectionStarted();
		}
		store.setConnection(event.detail.state, event.detail.userName);
	});
	connection.addEventListener('telemetry', (event) => store.applyTelemetry(event.detail));
	connection.addEventListener('fleet', (event) => store.applyFleet(event.detail));
	connection.addEventListener('hubevent', (event) => store.addEvent(event.detail));
	connection.addEventListener('recentevents', (event) => store.applyRecentEvents(event.detail));
}
