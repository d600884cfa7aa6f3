/**
 * The recorder's HTTP API as the Flights page uses it: the filters of the list and the URLs
 * they map to, the download URLs of a flight, and failures in plain words. Pure: no DOM, no
 * fetch.
 */

/** Flights per page of the list. */
export const PAGE_SIZE = 20;

/** The formats a flight's telemetry downloads in, in the order the page offers them. */
export const EXPORT_FORMATS = Object.freeze([
	{ format: 'csv', label: 'CSV', title: 'a header row and one column per field, for spreadsheets and PlotJuggler' },
	{ format: 'ndjson', label: 'NDJSON', title: 'the wire JSON of every state, one per line' },
	{ format: 'mcap', label: 'MCAP', title: 'for Foxglove and Lichtblick' },
]);

const TEXT_FILTERS = ['drone', 'pilot'];

const TIME_FILTERS = ['from', 'to'];

/**
 * The list's filters from a page URL's query ({@code flights.html?drone=d1&from=2026-12-01T10:00&page=1}):
 * drone and pilot as typed, from and to as a {@code datetime-local} input holds them (local
 * time), the page from 0.
 * @param {URLSearchParams} params
 * @returns {{drone: string, pilot: string, from: string, to: string, page: number}}
 */
export function filtersFrom(params) {
	const filters = {};
	for (const name of [...TEXT_FILTERS, ...TIME_FILTERS]) {
		filters[name] = (params.get(name) ?? '').trim();
	}
	const page = Number.parseInt(params.get('page') ?? '0', 10);
	filters.page = Number.isFinite(page) && page > 0 ? page : 0;
	return filters;
}

/** The page URL's query for some filters, without empty ones or page 0: "drone=d1&page=2". */
export function filtersQuery(filters) {
	const params = new URLSearchParams();
	for (const name of [...TEXT_FILTERS, ...TIME_FILTERS]) {
		if (filters[name]) {
			params.set(name, filters[name]);
		}
	}
	if (filters.page > 0) {
		params.set('page', String(filters.page));
	}
	return params.toString();
}

/**
 * A {@code datetime-local} value ("2026-12-01T10:00", local time) as the ISO-8601 instant the
 * API takes ("2026-12-01T09:00:00.000Z" an hour east of Greenwich), or null when empty or not
 * a time.
 */
export function localTimeToInstant(value) {
	if (!value) {
		return null;
	}
	const time = new Date(value);
	return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/**
 * The API request for one page of the list: {@code /api/flights?drone=d1&from=…&page=0&size=20}.
 * @param {{drone?: string, pilot?: string, from?: string, to?: string, page?: number}} filters
 * @param {number} [size]
 */
export function flightsUrl(filters, size = PAGE_SIZE) {
	const params = new URLSearchParams();
	for (const name of TEXT_FILTERS) {
		if (filters[name]) {
			params.set(name, filters[name]);
		}
	}
	for (const name of TIME_FILTERS) {
		const instant = localTimeToInstant(filters[name]);
		if (instant) {
			params.set(name, instant);
		}
	}
	params.set('page', String(filters.page ?? 0));
	params.set('size', String(size));
	return `/api/flights?${params}`;
}

/** One flight's summary. */
export function flightUrl(id) {
	return `/api/flights/${encodeURIComponent(id)}`;
}

/** One flight's log: its events, commands and control changes, in order. */
export function flightEventsUrl(id) {
	return `${flightUrl(id)}/events`;
}

/** One flight's every state, as {@code csv}, {@code ndjson} or {@code mcap}. */
export function telemetryUrl(id, format) {
	if (!EXPORT_FORMATS.some((known) => known.format === format)) {
		throw new RangeError(`unknown export format ${format}`);
	}
	return `${flightUrl(id)}/telemetry?format=${format}`;
}

/** The Flights page's link to one flight's replay. */
export function replayPageUrl(id) {
	return `/flights.html?flight=${encodeURIComponent(id)}`;
}

/**
 * What a failed request to the recorder's API means, in words.
 * @param {number} status the HTTP status, or 0 when the hub could not be reached
 * @param {'list'|'flight'} what what was asked for
 * @param {string} [detail] the problem's detail the hub sent, if any
 */
export function describeFailure(status, what, detail = '') {
	switch (status) {
		case 0:
			return 'The hub could not be reached. Is it running?';
		case 401:
			return 'This hub shows flights only to signed-in users: sign in when the browser asks, then reload.';
		case 403:
			return 'Your account may not read flights.';
		case 404:
			return what === 'list'
				? 'The flight recorder is off on this hub (hub.recorder.enabled=false), so there are no flights to show.'
				: 'There is no such flight: it may have been deleted, or the recorder is off.';
		case 400:
			return `The hub could not read that request${detail ? `: ${detail}` : '.'}`;
		default:
			return `The hub answered HTTP ${status}${detail ? `: ${detail}` : '.'}`;
	}
}

/**
 * A flight's length in milliseconds: from its first state to its last, or to {@code now} while
 * it flies.
 */
export function flightDurationMs(flight, now = Date.now()) {
	const end = flight.endedAt ?? now;
	return Math.max(0, end - flight.startedAt);
}
