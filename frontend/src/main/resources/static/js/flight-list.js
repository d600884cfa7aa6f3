/**
 * The Flights page's list: the recorded flights newest first, a page at a time, narrowed by
 * the filters form; each with its numbers, its downloads and a link to its replay. The
 * filters and the page live in the page's URL, so a filtered list can be linked and the
 * browser's Back goes to the previous one.
 */
import { element, setAttribute, setText } from './dom.js';
import {
	EXPORT_FORMATS, PAGE_SIZE, describeFailure, filtersFrom, filtersQuery, flightsUrl, replayPageUrl, telemetryUrl,
} from './flights-api.js';
import { flightFacts } from './flight-facts.js';
import { fetchJson } from './flights-client.js';

export class FlightList {

	#root;

	#form;

	#rows;

	#state;

	#newer;

	#older;

	#pageInfo;

	#table;

	#pager;

	#filters;

	#loads = 0;

	/** @param {Element} root the element holding the list's data- elements */
	constructor(root) {
		this.#root = root;
		this.#form = root.querySelector('[data-flight-filters]');
		this.#rows = root.querySelector('[data-flight-rows]');
		this.#state = root.querySelector('[data-flights-state]');
		this.#newer = root.querySelector('[data-page="newer"]');
		this.#older = root.querySelector('[data-page="older"]');
		this.#pageInfo = root.querySelector('[data-page-info]');
		this.#table = root.querySelector('[data-flights-table]');
		this.#pager = root.querySelector('[data-pager]');
		this.#form.addEventListener('submit', (event) => {
			event.preventDefault();
			this.#go({ ...this.#formFilters(), page: 0 });
		});
		this.#form.addEventListener('reset', () => {
			// after the browser has emptied the fields
			setTimeout(() => this.#go({ drone: '', pilot: '', from: '', to: '', page: 0 }));
		});
		this.#newer.addEventListener('click', () => this.#go({ ...this.#filters, page: this.#filters.page - 1 }));
		this.#older.addEventListener('click', () => this.#go({ ...this.#filters, page: this.#filters.page + 1 }));
		addEventListener('popstate', () => this.#show(filtersFrom(new URLSearchParams(location.search))));
	}

	/** Shows the list the page's URL asks for, and offers the hub's drones in the drone filter. */
	start() {
		this.#root.hidden = false;
		this.#show(filtersFrom(new URLSearchParams(location.search)));
		this.#offerDrones();
	}

	#formFilters() {
		const data = new FormData(this.#form);
		return Object.fromEntries(['drone', 'pilot', 'from', 'to'].map((name) => [name, String(data.get(name) ?? '').trim()]));
	}

	#go(filters) {
		const query = filtersQuery(filters);
		history.pushState(null, '', query ? `?${query}` : location.pathname);
		this.#show(filters);
	}

	async #show(filters) {
		this.#filters = filters;
		for (const name of ['drone', 'pilot', 'from', 'to']) {
			this.#form.elements[name].value = filters[name];
		}
		const load = ++this.#loads;
		setAttribute(this.#root, 'data-state', 'loading');
		let page;
		try {
			page = await fetchJson(flightsUrl(filters, PAGE_SIZE));
		}
		catch (failure) {
			if (load === this.#loads) {
				this.#failed(failure);
			}
			return;
		}
		if (load === this.#loads) {
			this.#render(page, filters);
		}
	}

	#render(page, filters) {
		const flights = page.content ?? [];
		const { number = 0, totalPages = 0, totalElements = 0 } = page.page ?? {};
		this.#rows.replaceChildren(...flights.map((flight) => this.#row(flight)));
		const filtered = ['drone', 'pilot', 'from', 'to'].some((name) => filters[name]);
		if (flights.length > 0) {
			this.#say(null);
		}
		else if (totalElements > 0) {
			this.#say(['There are no more flights: go back to newer ones.']);
		}
		else if (filtered) {
			this.#say(['No flights match these filters.']);
		}
		else {
			this.#say(['No flights recorded yet \u2014 fly one from the ', element('a', { href: '/pilot.html' }, ['console']), '.']);
		}
		setAttribute(this.#root, 'data-state', flights.length > 0 ? 'listed' : 'empty');
		this.#table.hidden = flights.length === 0;
		this.#pager.hidden = totalPages <= 1 && number === 0;
		this.#newer.disabled = number <= 0;
		this.#older.disabled = number >= totalPages - 1;
		setText(this.#pageInfo, totalElements === 0 ? ''
			: `Page ${number + 1} of ${Math.max(1, totalPages)} \u00b7 ${totalElements.toLocaleString('en')} flight${totalElements === 1 ? '' : 's'}`);
	}

	#failed(failure) {
		this.#rows.replaceChildren();
		this.#say([describeFailure(failure.status, 'list', failure.detail)], 'error');
		setAttribute(this.#root, 'data-state', 'error');
		this.#table.hidden = true;
		this.#pager.hidden = true;
		setText(this.#pageInfo, '');
	}

	#say(parts, kind = 'info') {
		this.#state.hidden = parts == null;
		this.#state.replaceChildren(...(parts ?? []));
		setAttribute(this.#state, 'data-kind', kind);
	}

	#row(flight) {
		const cells = flightFacts(flight).map((fact) => element('td', { 'data-fact': fact.key }, [fact.text]));
		const downloads = EXPORT_FORMATS.map(({ format, label, title }) => element('a', {
			href: telemetryUrl(flight.id, format), download: '', 'data-download': format, class: 'download', title,
		}, [label]));
		return element('tr', { 'data-flight-id': flight.id, 'data-flying': String(flight.endedAt == null) }, [
			...cells,
			element('td', {}, downloads),
			element('td', {}, [element('a', { class: 'button', href: replayPageUrl(flight.id), 'data-replay-link': '' },
				['Replay'])]),
		]);
	}

	async #offerDrones() {
		const options = this.#root.querySelector('[data-drone-options]');
		try {
			const drones = await fetchJson('/api/drones');
			options.replaceChildren(...drones.map((drone) => element('option', { value: drone.droneId })));
		}
		catch {
			// the filter takes any drone id typed in
		}
	}

}
