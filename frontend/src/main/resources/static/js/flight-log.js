/**
 * A recorded flight's log on the replay view: its events, commands and control requests in
 * order, each with how far into the flight it happened (a button that moves the replay
 * there). A request's line carries its kind and the status of the hub's reply in
 * {@code data-kind} and {@code data-reply-status}; its detail says the outcome in words. What
 * the replay has not reached yet is marked {@code data-future="true"}, and the latest entry
 * it has reached {@code data-current="true"}: the list scrolls to keep that one in view.
 */
import { element, setAttribute } from './dom.js';
import { eventLine } from './event-log.js';
import { formatDuration } from './format.js';

export class FlightLog {

	#list;

	#shown = null;

	#lines = [];

	#time;

	#current = null;

	/**
	 * @param {HTMLOListElement} list
	 * @param {{onSeek: (offsetMs: number) => void}} options what a click on an entry's time does
	 */
	constructor(list, { onSeek }) {
		this.#list = list;
		list.addEventListener('click', (event) => {
			const button = event.target.closest('[data-seek-to]');
			if (button) {
				onSeek(Number(button.dataset.seekTo));
			}
		});
	}

	/** Shows the replay's log, and how far the replay has come through it. */
	render(replay) {
		const startedAt = replay.flight?.startedAt;
		if (replay.log !== this.#shown && Number.isFinite(startedAt)) {
			this.#shown = replay.log;
			this.#lines = replay.log.map((entry) => ({ at: entry.timestamp, line: this.#line(entry, startedAt) }));
			this.#list.replaceChildren(...this.#lines.map(({ line }) => line));
			if (this.#lines.length === 0) {
				this.#list.replaceChildren(element('li', { class: 'empty' }, ['Nothing was logged in this flight.']));
			}
			this.#time = undefined;
			this.#current = null;
		}
		const time = replay.time ?? startedAt;
		if (time !== this.#time) {
			this.#time = time;
			let current = null;
			for (const { at, line } of this.#lines) {
				const reached = at <= time;
				setAttribute(line, 'data-future', String(!reached));
				setAttribute(line, 'data-current', 'false');
				current = reached ? line : current;
			}
			if (current) {
				setAttribute(current, 'data-current', 'true');
			}
			if (current !== this.#current) {
				this.#current = current;
				this.#keepInView(current ?? this.#lines[0]?.line);
			}
		}
	}

	/** Scrolls the list, not the page, so that a line and the one after it show. */
	#keepInView(line) {
		if (!line) {
			return;
		}
		const list = this.#list.getBoundingClientRect();
		const shown = line.getBoundingClientRect();
		const below = shown.bottom + (line.nextElementSibling?.getBoundingClientRect().height ?? 0) - list.bottom;
		if (shown.top < list.top) {
			this.#list.scrollTop -= list.top - shown.top;
		}
		else if (below > 0) {
			this.#list.scrollTop += below;
		}
	}

	#line(entry, startedAt) {
		const offset = Math.max(0, entry.timestamp - startedAt);
		const seek = element('button', { type: 'button', class: 'event-offset', 'data-seek-to': String(offset),
			title: 'Replay from here' }, [`+${formatDuration(offset)}`]);
		const line = eventLine(entry);
		line.prepend(seek);
		if (entry.kind) {
			line.dataset.kind = entry.kind;
		}
		if (entry.reply?.status) {
			line.dataset.replyStatus = entry.reply.status;
		}
		return line;
	}

}
