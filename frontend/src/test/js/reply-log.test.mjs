import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ReplyLog } from '../../main/resources/static/js/reply-log.js';

const accepted = (commandId) => ({ commandId, droneId: 'd1', status: 'ACCEPTED', code: null, reason: null });

describe('ReplyLog', () => {
	it('names the request a reply answers, and forgets it once answered', () => {
		const log = new ReplyLog();
		log.sent({ droneId: 'd1', type: 'TAKEOFF', altitude: 15, commandId: 'c-1' });
		assert.deepEqual(log.replied(accepted('c-1')), { droneId: 'd1', type: 'TAKEOFF', altitude: 15, commandId: 'c-1' });
		assert.equal(log.messages()[0].text, 'TAKEOFF d1 to 15 m: accepted.');
		assert.equal(log.messages()[0].kind, 'ok');

		assert.equal(log.replied(accepted('c-1')), undefined);
		assert.equal(log.messages()[0].text, 'Command for d1: accepted.');
	});

	it('logs a quiet request\'s reply only when it is a rejection', () => {
		const log = new ReplyLog();
		log.sent({ droneId: 'd1', type: 'MOVE', forward: 5, commandId: 'c-1' }, { quiet: true });
		log.sent({ droneId: 'd1', type: 'MOVE', forward: 5, commandId: 'c-2' }, { quiet: true });
		assert.equal(log.replied(accepted('c-1')).type, 'MOVE');
		assert.equal(log.messages().length, 0);

		log.replied({ commandId: 'c-2', droneId: 'd1', status: 'REJECTED', code: 'NOT_IN_CONTROL', reason: null });
		assert.equal(log.messages().length, 1);
		assert.match(log.messages()[0].text, /^MOVE d1: rejected .* take control first\.$/);
		assert.equal(log.messages()[0].kind, 'error');
	});

	it('puts errors from the hub into words', () => {
		const log = new ReplyLog();
		log.failed({ error: 'FORBIDDEN', message: 'not allowed to send to /app/control' });
		assert.equal(log.messages()[0].kind, 'error');
		assert.match(log.messages()[0].text, /sign in as a pilot to fly\.$/);
	});

	it('counts a message said again instead of repeating it, keeping when it was first said', () => {
		const clock = { now: 1000 };
		const log = new ReplyLog({ now: () => clock.now });
		log.say('Not connected: ARM d1 was not sent.', 'error');
		clock.now = 2000;
		log.say('Not connected: ARM d1 was not sent.', 'error');
		log.say('Not connected: ARM d1 was not sent.', 'error');
		assert.deepEqual(log.messages().map(({ text, count, at }) => ({ text, count, at })),
				[{ text: 'Not connected: ARM d1 was not sent.', count: 3, at: 1000 }]);

		log.say('Connecting as alice…', 'info');
		log.say('Not connected: ARM d1 was not sent.', 'error');
		assert.deepEqual(log.messages().map((message) => message.count), [1, 1, 3]);
	});

	it('keeps the newest messages and unanswered requests only', () => {
		const log = new ReplyLog({ maxMessages: 2, maxPending: 2 });
		for (const text of ['one', 'two', 'three']) {
			log.say(text, 'info');
		}
		assert.deepEqual(log.messages().map((message) => message.text), ['three', 'two']);

		for (const commandId of ['c-1', 'c-2', 'c-3']) {
			log.sent({ droneId: 'd1', type: 'ARM', commandId });
		}
		assert.equal(log.replied(accepted('c-1')), undefined);
		assert.equal(log.replied(accepted('c-2')).commandId, 'c-2');
		assert.equal(log.replied(accepted('c-3')).commandId, 'c-3');
	});

	it('says when it changed', () => {
		const log = new ReplyLog();
		let changes = 0;
		log.addEventListener('change', () => changes++);
		log.say('one', 'info');
		log.say('one', 'info');
		log.sent({ droneId: 'd1', type: 'ARM', commandId: 'c-1' }, { quiet: true });
		log.replied(accepted('c-1'));
		assert.equal(changes, 2);
	});
});
