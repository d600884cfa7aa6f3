/**
 * The pilot's log of what the hub answered: the requests still waiting for a reply, by
 * commandId, and the latest messages in plain words, newest first, a message said again
 * counted rather than repeated. Both are bounded. Pure data, like the store: it dispatches
 * {@code change} after every new or counted message, and a view draws it.
 */
import { describeError, describeReply } from './wire.js';

/** The most messages the log keeps. */
export const MAX_MESSAGES = 30;

/** The most unanswered requests remembered. */
export const MAX_PENDING = 200;

export class ReplyLog extends EventTarget {

	#pending = new Map();

	#messages = [];

	#nextId = 0;

	#now;

	#maxMessages;

	#maxPending;

	/**
	 * @param {object} [options]
	 * @param {() => number} [options.now] the local clock, ms; tests pass a fake one
	 */
	constructor({ now = () => Date.now(), maxMessages = MAX_MESSAGES, maxPending = MAX_PENDING } = {}) {
		super();
		this.#now = now;
		this.#maxMessages = maxMessages;
		this.#maxPending = maxPending;
	}

	/**
	 * Remembers a request that went out, so its reply can say what it answers. The oldest
	 * unanswered request is forgotten first.
	 * @param {object} body the request's body, with its commandId
	 * @param {object} [options]
	 * @param {boolean} [options.quiet] log its reply only when it is a rejection
	 */
	sent(body, { quiet = false } = {}) {
		this.#pending.set(body.commandId, { body, quiet });
		if (this.#pending.size > this.#maxPending) {
			this.#pending.delete(this.#pending.keys().next().value);
		}
	}

	/**
	 * Takes a reply from {@code /user/queue/replies} and logs it in words, unless it accepts a
	 * quiet request.
	 * @returns {object|undefined} the body of the request it answers, when remembered
	 */
	replied(reply) {
		const request = this.#pending.get(reply.commandId);
		this.#pending.delete(reply.commandId);
		if (!(request?.quiet && reply.status === 'ACCEPTED')) {
			const { ok, text } = describeReply(reply, request?.body);
			this.say(text, ok ? 'ok' : 'error');
		}
		return request?.body;
	}

	/** Logs an error from {@code /user/queue/errors} in words. */
	failed(error) {
		this.say(describeError(error), 'error');
	}

	/**
	 * Logs a message; the same text as the newest message counts that one again.
	 * @param {string} text
	 * @param {'ok'|'error'|'info'} kind
	 */
	say(text, kind) {
		const newest = this.#messages[0];
		if (newest && newest.text === text) {
			this.#messages[0] = { ...newest, count: newest.count + 1 };
		}
		else {
			this.#messages.unshift({ id: ++this.#nextId, text, kind, count: 1, at: this.#now() });
			if (this.#messages.length > this.#maxMessages) {
				this.#messages.length = this.#maxMessages;
			}
		}
		this.dispatchEvent(new CustomEvent('change'));
	}

	/**
	 * The messages, newest first: {@code {id, text, kind, count, at}}, {@code at} the local
	 * time it was first said, ms.
	 */
	messages() {
		return this.#messages;
	}

}
