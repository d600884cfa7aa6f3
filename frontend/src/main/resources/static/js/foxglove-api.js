/**
 * The hub's Foxglove WebSocket endpoint, as the API page lists it: its URL for the page's own
 * host, and its channels with their schemas and contents (`code` between backticks). Pure: no DOM.
 */

export const FOXGLOVE_CHANNELS = Object.freeze([
	{
		topic: '/drones/{droneId}/telemetry', schema: 'dronehub.DroneState',
		contents: 'Every state of the drone, the same JSON as on `/topic/drones/{droneId}/telemetry`; the newest only when the connection falls behind.',
	},
	{
		topic: '/drones/{droneId}/location', schema: 'foxglove.LocationFix',
		contents: '`latitude`, `longitude`, `altitude` (metres above home) of each state, for the Map panel.',
	},
	{
		topic: '/events', schema: 'dronehub.FleetEvent',
		contents: 'The events of `/topic/events`, never dropped.',
	},
]);

/** The endpoint's URL for a page served from `location`: ws: for http:, wss: for https:. */
export function foxgloveUrl(location) {
	const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
	return `${scheme}//${location.host}/foxglove`;
}
