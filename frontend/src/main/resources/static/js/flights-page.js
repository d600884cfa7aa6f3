/**
 * The Flights page: the list of recorded flights (/flights.html, with filters in the query),
 * or one flight's replay (/flights.html?flight=<id>).
 */
import { FlightList } from './flight-list.js';
import { FlightReplay } from './flight-replay.js';

const flightId = new URLSearchParams(location.search).get('flight');
if (flightId) {
	new FlightReplay(document.querySelector('[data-replay]'), flightId).start();
}
else {
	new FlightList(document.querySelector('[data-flight-list]')).start();
}
