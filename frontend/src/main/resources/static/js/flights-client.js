/**
 * Reads the recorder's HTTP API with {@code fetch}: JSON answers, and a flight's telemetry as
 * it streams in. Failures carry the HTTP status (0 when the hub could not be reached) and the
 * problem's detail the hub sent.
 */
import { flightEventsUrl, flightUrl, telemetryUrl } from './flights-api.js';
import { readNdjson } from './ndjson.js';

/** A request to the recorder's API that did not succeed. */
export class HttpFailure extends Error {

	/**
	 * @param {number} status the HTTP status, or 0 when there was no answer
	 * @param {string} detail the problem's detail, or ''
	 */
	constructor(status, detail) {
		super(detail || `HTTP ${status}`);
		this.status = status;
		this.detail = detail;
	}

}

async function get(url, accept) {
	let response;
	try {
		response = await fetch(url, { headers: { Accept: accept } });
	}
	catch {
		throw new HttpFailure(0, '');
	}
	if (!response.ok) {
		let detail = '';
		try {
			detail = (await response.json()).detail ?? '';
		}
		catch {
			// not a problem document
		}
		throw new HttpFailure(response.status, detail);
	}
	return response;
}

/** The JSON answer of a GET. */
export async function fetchJson(url) {
	return (await get(url, 'application/json')).json();
}

/** One flight's summary. */
export function fetchFlight(id) {
	return fetchJson(flightUrl(id));
}

/** One flight's log, in order. */
export function fetchFlightLog(id) {
	return fetchJson(flightEventsUrl(id));
}

/**
 * Streams one flight's every state, in order, without holding the whole flight as text.
 * @param {string} id
 * @param {(state: object) => void} onState
 * @returns {Promise<number>} how many states there were
 */
export async function streamTelemetry(id, onState) {
	const response = await get(telemetryUrl(id, 'ndjson'), 'application/x-ndjson');
	return readNdjson(response.body, onState);
}
