/**
 * The Flights page's replay view ({@code flights.html?flight=<id>}): the flight's summary and
 * downloads, its whole path drawn faintly on the dashboard's map with the replayed drone on
 * top, the dashboard's instruments and charts following the replay, the replay's controls,
 * and the flight's log. The replay itself runs on the hub, which sends this session its
 * frames over STOMP.
 */
import { HubConnection, REPLAY } from './connection.js';
import { Dashboard } from './dashboard.js';
import { element, setText } from './dom.js';
import { EXPORT_FORMATS, describeFailure, telemetryUrl } from './flights-api.js';
import { HttpFailure, fetchFlight, fetchFlightLog, streamTelemetry } from './flights-client.js';
import { flightFacts } from './flight-facts.js';
import { FlightLog } from './flight-log.js';
import { thinPath } from './path.js';
import { ReplayControls } from './replay-controls.js';
import { ReplayState, appendSample } from './replay.js';
import { brokerUrl } from './wire.js';

export class FlightReplay {

	#root;

	#replay;

	#connection;

	/**
	 * @param {Element} root the element holding the replay view's data- elements
	 * @param {string} flightId
	 */
	constructor(root, flightId) {
		this.#root = root;
		this.#replay = new ReplayState({ flightId });
		this.#connection = new HubConnection(brokerUrl(location), { follow: REPLAY });
	}

	/** Reads the flight, then shows it and connects to play it. */
	async start() {
		const root = this.#root;
		const replay = this.#replay;
		root.hidden = false;
		document.querySelector('[data-connection]')?.removeAttribute('hidden');
		let flight;
		try {
			flight = await fetchFlight(replay.flightId);
		}
		catch (failure) {
			this.#failed(describeFailure(failure.status, 'flight', failure.detail));
			return;
		}
		document.title = `Drone Telemetry Hub \u2014 flight of ${flight.droneId}`;
		replay.setFlight(flight);
		this.#summary(flight);
		const send = (request) => {
			if (request && !this.#connection.send(request.destination, request.body)) {
				replay.notSent();
			}
		};
		const dashboard = new Dashboard(document, replay.fleet, { droneId: flight.droneId, path: () => replay.path, routes: false });
		const controls = new ReplayControls(root.querySelector('[data-replay-controls]'), replay, send);
		const log = new FlightLog(root.querySelector('[data-flight-log]'), { onSeek: (offsetMs) => send(replay.seek(offsetMs)) });
		dashboard.addRenderer(() => controls.render(replay));
		dashboard.addRenderer(() => log.render(replay));
		replay.addEventListener('change', () => dashboard.redraw());
		this.#listen(send);
		dashboard.start();
		this.#connection.start();
		this.#loadPath();
		this.#loadLog();
	}

	#listen(send) {
		const replay = this.#replay;
		const connection = this.#connection;
		connection.addEventListener('state', (event) => {
			if (event.detail.state === 'live') {
				replay.connectionStarted();
			}
			replay.fleet.setConnection(event.detail.state, event.detail.userName);
		});
		connection.addEventListener('replay', (event) => send(replay.applyFrame(event.detail)));
		connection.addEventListener('reply', (event) => send(replay.applyReply(event.detail)));
		connection.addEventListener('huberror', (event) => send(replay.applyError(event.detail)));
	}

	#summary(flight) {
		const root = this.#root;
		setText(root.querySelector('[data-replay-title]'), `Flight of ${flight.droneId}`);
		root.querySelector('[data-flight-facts]').replaceChildren(...flightFacts(flight).map((fact) => element('div', {
			class: 'fact', 'data-fact': fact.key,
		}, [element('dt', {}, [fact.label]), element('dd', {}, [fact.text])])));
		root.querySelector('[data-flight-downloads]').replaceChildren(...EXPORT_FORMATS.map(({ format, label, title }) => element('a', {
			class: 'button', href: telemetryUrl(flight.id, format), download: '', 'data-download': format, title,
		}, [`Download ${label}`])));
	}

	/**
	 * Streams the flight's states once: the first is shown at once, the path and the history
	 * samples for the trail and charts when all are in.
	 */
	async #loadPath() {
		const points = [];
		const samples = [];
		try {
			await streamTelemetry(this.#replay.flightId, (state) => {
				if (points.length === 0) {
					this.#replay.showStart(state);
				}
				points.push({ lat: state.position?.lat, lon: state.position?.lon });
				appendSample(samples, state);
			});
		}
		catch (failure) {
			this.#replay.say(`The recorded path could not be read: ${failureText(failure)}`);
			return;
		}
		const path = thinPath(points);
		this.#replay.setRecordedHistory(samples);
		this.#replay.setPath(path);
		this.#root.dataset.pathPoints = String(path.length);
	}

	async #loadLog() {
		try {
			this.#replay.setLog(await fetchFlightLog(this.#replay.flightId));
		}
		catch (failure) {
			this.#root.querySelector('[data-flight-log]').replaceChildren(element('li', { class: 'empty' },
				[`The flight's log could not be read: ${failureText(failure)}`]));
		}
	}

	#failed(text) {
		const root = this.#root;
		root.dataset.state = 'error';
		setText(root.querySelector('[data-replay-title]'), 'Flight not shown');
		const state = root.querySelector('[data-replay-error]');
		state.hidden = false;
		setText(state, text);
		for (const part of root.querySelectorAll('[data-replay-part]')) {
			part.hidden = true;
		}
	}

}

/** A failed read in words: the hub's answer, or what went wrong reading it. */
function failureText(failure) {
	return failure instanceof HttpFailure ? describeFailure(failure.status, 'flight', failure.detail) : failure.message;
}
