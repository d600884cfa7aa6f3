/**
 * The hub's HTTP endpoints, as the API page lists them: each request, the roles that may send
 * it, and its answer in words with `code` between backticks. The AsyncAPI document covers
 * STOMP only; a test checks this list against the hub's request mappings. Pure: no DOM.
 */

const READERS = Object.freeze(['OBSERVER', 'PILOT', 'ADMIN']);

export const HTTP_ENDPOINTS = Object.freeze([
	{
		method: 'GET', path: '/api/drones', roles: READERS,
		answer: 'The latest state of every drone: a JSON array of `DroneState`, as on `/topic/telemetry`.',
	},
	{
		method: 'GET', path: '/api/drones/{droneId}', roles: READERS,
		answer: 'One drone\'s latest `DroneState`; `404` if there is none.',
	},
	{
		method: 'GET', path: '/api/drones/{droneId}/mission', roles: READERS,
		answer: 'The drone\'s uploaded mission, for a map to draw its route: `{"missionId","items":[{"lat","lon","altitude","speed","holdS"}…],"finish","progress"}`, '
			+ '`progress` as telemetry\'s `mission`; `404` if it has none (or, with several nodes, if another node simulates it).',
	},
	{
		method: 'GET', path: '/api/map', roles: READERS,
		answer: 'Where the pages\' map tiles come from: `{"tileUrl","attribution","maxZoom"}`; `tileUrl` is an `{z}/{x}/{y}` template '
			+ '(the hub\'s own `/tiles/{z}/{x}/{y}.png` for a tile folder), or `null` when the map has no tiles.',
	},
	{
		method: 'GET', path: '/api/cluster', roles: READERS,
		answer: 'The hub\'s nodes as this one sees them: `{"nodes":[{"id","alive","drones"}]}`, every node heard from lately and the drones '
			+ 'each simulates now (none when not `alive`). A hub that is not a node of a cluster lists itself alone, simulating every drone.',
	},
	{
		method: 'GET', path: '/api/flights', roles: READERS,
		answer: 'Recorded flights, newest first, a page at a time: `{"content":[flight…],"page":{"size","number","totalElements","totalPages"}}`. '
			+ 'Query: `drone`, `pilot`, `from` and `to` (epoch ms or ISO-8601 instants: flights under way at or after `from`, started at or before `to`), '
			+ '`page` from 0, `size` 1–100 (20). A flight: `{"id","droneId","pilots","startedAt","endedAt","endReason","maxAltitude","distance","batteryUsed","frames"}`, '
			+ '`endedAt` and `endReason` `null` while it flies. `404` when the recorder is off.',
	},
	{
		method: 'GET', path: '/api/flights/{id}', roles: READERS,
		answer: 'One flight; `404` for an unknown id, `400` for one that is not a UUID.',
	},
	{
		method: 'GET', path: '/api/flights/{id}/telemetry', roles: READERS,
		answer: 'Every state of the flight, streamed, as an attachment `<drone>-<id>.<format>`: `?format=ndjson` (the default: `DroneState` JSON, one per line), '
			+ '`csv` (a header row, one column per field) or `mcap` (for Foxglove and Lichtblick); or chosen by `Accept`.',
	},
	{
		method: 'GET', path: '/api/flights/{id}/events', roles: READERS,
		answer: 'The flight\'s log, in order: a JSON array of its events, and of the commands and control requests sent about its drone, '
			+ 'each `{"kind","timestamp","droneId","pilot","type","detail","request","reply"}` with `kind` `EVENT`, `COMMAND` or `CONTROL` '
			+ 'and `request` and `reply` `null` for an event.',
	},
	{
		method: 'DELETE', path: '/api/flights/{id}', roles: Object.freeze(['ADMIN']),
		answer: 'Deletes a flight: `204`; `401` without credentials, `403` for other roles.',
	},
]);

/**
 * Splits text with `code` between backticks into its parts, in order.
 * @returns {{code: boolean, text: string}[]}
 */
export function codeSpans(text) {
	return text.split('`').map((part, index) => ({ code: index % 2 === 1, text: part })).filter((part) => part.text !== '');
}
