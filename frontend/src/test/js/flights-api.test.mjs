import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
	describeFailure, filtersFrom, filtersQuery, flightDurationMs, flightEventsUrl, flightsUrl, localTimeToInstant,
	replayPageUrl, telemetryUrl,
} from '../../main/resources/static/js/flights-api.js';

describe('flights-api', () => {
	it('reads the filters from the page URL, trimmed, with the page from 0', () => {
		assert.deepEqual(filtersFrom(new URLSearchParams('drone=%20d1%20&pilot=alice&from=2026-12-01T10:00&page=2')),
			{ drone: 'd1', pilot: 'alice', from: '2026-12-01T10:00', to: '', page: 2 });
		assert.equal(filtersFrom(new URLSearchParams('page=-3')).page, 0);
		assert.equal(filtersFrom(new URLSearchParams('page=older')).page, 0);
	});

	it('writes the filters back into the page URL without the empty ones', () => {
		assert.equal(filtersQuery({ drone: 'd1', pilot: '', from: '', to: '2026-12-01T10:00', page: 0 }),
			'drone=d1&to=2026-12-01T10%3A00');
		assert.equal(filtersQuery({ drone: '', pilot: 'bob', from: '', to: '', page: 3 }), 'pilot=bob&page=3');
		const filters = { drone: 'd2', pilot: 'a b', from: '2026-01-02T03:04', to: '', page: 1 };
		assert.deepEqual(filtersFrom(new URLSearchParams(filtersQuery(filters))), filters);
	});

	it('maps the filters to the query parameters of the API, times as ISO-8601 instants', () => {
		const url = new URL(flightsUrl({ drone: 'd1', pilot: 'alice', from: '2026-12-01T10:00', to: '', page: 2 }, 20),
			'http://hub');
		assert.equal(url.pathname, '/api/flights');
		assert.equal(url.searchParams.get('drone'), 'd1');
		assert.equal(url.searchParams.get('pilot'), 'alice');
		assert.equal(url.searchParams.get('from'), new Date('2026-12-01T10:00').toISOString());
		assert.equal(url.searchParams.has('to'), false);
		assert.equal(url.searchParams.get('page'), '2');
		assert.equal(url.searchParams.get('size'), '20');
		assert.equal(flightsUrl({}), '/api/flights?page=0&size=20');
	});

	it('reads a datetime-local value as local time, and nothing else as a time', () => {
		assert.equal(localTimeToInstant('2026-12-01T10:00'), new Date(2026, 11, 1, 10, 0).toISOString());
		assert.equal(localTimeToInstant(''), null);
		assert.equal(localTimeToInstant('yesterday'), null);
	});

	it('links each flight to its downloads, its log and its replay', () => {
		const id = '3f2b8c1e-0d4a-4c53-9a57-7e1f0b6d2c90';
		assert.equal(telemetryUrl(id, 'csv'), `/api/flights/${id}/telemetry?format=csv`);
		assert.equal(telemetryUrl(id, 'ndjson'), `/api/flights/${id}/telemetry?format=ndjson`);
		assert.equal(telemetryUrl(id, 'mcap'), `/api/flights/${id}/telemetry?format=mcap`);
		assert.throws(() => telemetryUrl(id, 'xlsx'), RangeError);
		assert.equal(flightEventsUrl(id), `/api/flights/${id}/events`);
		assert.equal(replayPageUrl(id), `/flights.html?flight=${id}`);
	});

	it('says what a failure means for the list and for one flight', () => {
		assert.match(describeFailure(404, 'list'), /recorder is off/);
		assert.match(describeFailure(404, 'flight'), /no such flight/);
		assert.match(describeFailure(401, 'list'), /signed-in/);
		assert.match(describeFailure(0, 'list'), /could not be reached/);
		assert.equal(describeFailure(400, 'list', 'from must be epoch milliseconds'),
			'The hub could not read that request: from must be epoch milliseconds');
		assert.equal(describeFailure(503, 'list'), 'The hub answered HTTP 503.');
	});

	it('measures a flight to its end, or to now while it flies', () => {
		assert.equal(flightDurationMs({ startedAt: 1000, endedAt: 61_000 }), 60_000);
		assert.equal(flightDurationMs({ startedAt: 1000, endedAt: null }, 11_000), 10_000);
	});
});
