/**
 * Draws the reply log on the next animation frame after it changes: every message in
 * {@code [data-reply-log]}, newest first with its time and how often it was said, and the
 * newest one again in {@code [data-last-reply]}.
 */
import { element, nextFrame, setAttribute, setText } from './dom.js';

export class ReplyLogView {

	#log;

	#list;

	#last;

	#items = new Map();

	#render = nextFrame(() => this.#draw());

	/**
	 * @param {ParentNode} root the page
	 * @param {import('./reply-log.js').ReplyLog} log
	 */
	constructor(root, log) {
		this.#log = log;
		this.#list = root.querySelector('[data-reply-log]');
		this.#last = root.querySelector('[data-last-reply]');
		log.addEventListener('change', () => this.#render());
	}

	#draw() {
		const messages = this.#log.messages();
		if (this.#list) {
			const items = new Map();
			for (const message of messages) {
				const item = this.#items.get(message.id) ?? this.#item(message);
				item.dataset.count = String(message.count);
				setText(item.querySelector('.count'), message.count > 1 ? `×${message.count}` : '');
				items.set(message.id, item);
			}
			this.#items = items;
			const shown = [...items.values()];
			if (shown.length !== this.#list.children.length || shown.some((item, i) => this.#list.children[i] !== item)) {
				this.#list.replaceChildren(...shown);
			}
		}
		const newest = messages[0];
		if (this.#last && newest) {
			setText(this.#last, newest.text);
			setAttribute(this.#last, 'data-kind', newest.kind);
		}
	}

	#item(message) {
		const time = new Date(message.at).toLocaleTimeString([], { hour12: false });
		return element('li', { 'data-kind': message.kind, 'data-text': message.text, 'data-count': '1' },
				[element('time', {}, [time]), element('span', { class: 'text' }, [message.text]), element('span', { class: 'count' }, [''])]);
	}

}
