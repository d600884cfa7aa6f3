/**
 * Shows other pilots' requests for this console's drones in {@code [data-control-prompts]}: who
 * asks for which drone, the seconds left, and Grant and Deny buttons that answer it. Wires the
 * connection's requests and events into the {@link ControlPrompts} it draws.
 */
import { ControlPrompts } from './control-prompts.js';
import { element, nextFrame, setText } from './dom.js';

export class ControlPromptView {

	#prompts = new ControlPrompts();

	#list;

	#answer;

	#ticker = null;

	/** requestId → its item, as drawn. */
	#items = new Map();

	#render = nextFrame(() => this.#draw());

	/**
	 * @param {ParentNode} root the page
	 * @param {object} parts
	 * @param {import('./connection.js').HubConnection} parts.connection follows {@code controlrequest}
	 * @param {import('./store.js').FleetStore} parts.store whose telemetry tells the hub's time
	 * @param {(droneId: string, requestId: string, grant: boolean) => void} parts.answer sends GRANT or DENY
	 */
	constructor(root, { connection, store, answer }) {
		this.#list = root.querySelector('[data-control-prompts]');
		this.#answer = answer;
		connection.addEventListener('controlrequest', (event) => {
			const prompt = event.detail;
			this.#prompts.asked(prompt, store.drone(prompt.droneId)?.timestamp ?? Date.now(), Date.now());
		});
		connection.addEventListener('hubevent', (event) => this.#prompts.eventSeen(event.detail));
		store.addEventListener('change', (event) => {
			if (event.detail.kind === 'connection' && store.connection !== 'live') {
				this.#prompts.clear();
			}
		});
		this.#prompts.addEventListener('change', () => this.#render());
	}

	#draw() {
		if (!this.#list) {
			return;
		}
		const open = this.#prompts.open(Date.now());
		const items = new Map();
		for (const request of open) {
			const item = this.#items.get(request.requestId) ?? this.#item(request);
			const countdown = item.querySelector('.countdown');
			countdown.dataset.secondsLeft = String(request.secondsLeft);
			setText(countdown, `${request.secondsLeft} s to answer; unanswered, you keep it.`);
			items.set(request.requestId, item);
		}
		for (const [requestId, item] of this.#items) {
			if (!items.has(requestId)) {
				item.remove();
			}
		}
		this.#list.append(...[...items.values()].filter((item) => !item.isConnected));
		this.#items = items;
		this.#list.hidden = open.length === 0;
		if (open.length > 0 && this.#ticker === null) {
			this.#ticker = setInterval(() => this.#draw(), 250);
		}
		else if (open.length === 0 && this.#ticker !== null) {
			clearInterval(this.#ticker);
			this.#ticker = null;
		}
	}

	#item({ requestId, droneId, from }) {
		const button = (label, grant, className) => {
			const node = element('button', { type: 'button', class: className, 'data-answer': grant ? 'grant' : 'deny' },
				[label]);
			node.addEventListener('click', () => {
				this.#prompts.answered(droneId);
				this.#answer(droneId, requestId, grant);
			});
			return node;
		};
		return element('li', { class: 'control-prompt', role: 'alertdialog', 'data-request': requestId }, [
			element('p', {}, [`${from} asks for control of ${droneId}.`]),
			element('p', { class: 'countdown' }),
			button('Grant', true, 'primary'),
			button('Deny', false, null),
		]);
	}

}
