import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EventHistory } from '../../main/resources/static/js/event-history.js';

/** An event as the hub sends it; {@code n} makes it distinct. */
function event(n, changes = {}) {
	return { type: 'MODE_CHANGED', droneId: 'd1', pilot: null, timestamp: 1_000 + n, detail: `e${n}`, ...changes };
}

function details(history) {
	return history.newestFirst().map((e) => e.detail);
}

describe('EventHistory', () => {
	it('shows the recent events newest first, then live events on top', () => {
		const history = new EventHistory(10);
		history.sessionStarted();
		history.replaceWithRecent([event(1), event(2)]);
		assert.equal(history.addLive(event(3)), true);
		assert.deepEqual(details(history), ['e3', 'e2', 'e1']);
	});

	it('replaces what it had with the recent events of a new session', () => {
		const history = new EventHistory(10);
		history.addLive(event(1));
		history.addLive(event(2));
		history.sessionStarted();
		assert.deepEqual(details(history), ['e2', 'e1'], 'kept until the recent events arrive');
		history.replaceWithRecent([event(7)]);
		assert.deepEqual(details(history), ['e7']);
		history.sessionStarted();
		history.replaceWithRecent([]);
		assert.deepEqual(details(history), []);
	});

	it('shows once an event that arrives live after the recent events that had it', () => {
		const history = new EventHistory(10);
		history.sessionStarted();
		history.replaceWithRecent([event(1), event(2), event(3)]);
		assert.equal(history.addLive(event(2)), false);
		assert.equal(history.addLive(event(3)), false);
		assert.equal(history.addLive(event(4)), true);
		assert.deepEqual(details(history), ['e4', 'e3', 'e2', 'e1']);
	});

	it('shows once an event that arrives live before the recent events that have it', () => {
		const history = new EventHistory(10);
		history.sessionStarted();
		history.addLive(event(2));
		history.addLive(event(3));
		assert.deepEqual(details(history), ['e3', 'e2']);
		history.replaceWithRecent([event(1), event(2)]);
		assert.deepEqual(details(history), ['e3', 'e2', 'e1']);
		assert.equal(history.addLive(event(4)), true);
		assert.deepEqual(details(history), ['e4', 'e3', 'e2', 'e1']);
	});

	it('shows once an event that arrives live both before and after the recent events', () => {
		const history = new EventHistory(10);
		history.sessionStarted();
		history.addLive(event(2));
		history.replaceWithRecent([event(1), event(2), event(3)]);
		assert.equal(history.addLive(event(3)), false);
		assert.equal(history.addLive(event(4)), true);
		assert.deepEqual(details(history), ['e4', 'e3', 'e2', 'e1']);
	});

	it('tells events apart by every field, and keeps as many alike events as the hub sent', () => {
		const history = new EventHistory(10);
		const rejected = event(5, { type: 'COMMAND_REJECTED', pilot: 'bob', detail: 'not in control' });
		history.sessionStarted();
		history.replaceWithRecent([rejected, { ...rejected }, event(6)]);
		assert.equal(history.addLive({ ...rejected, pilot: 'carol' }), true, 'another pilot');
		assert.equal(history.newestFirst().length, 4);
	});

	it('counts an event repeated live only as often as the recent events have it', () => {
		const history = new EventHistory(10);
		const rejected = event(5, { type: 'COMMAND_REJECTED', pilot: 'bob', detail: 'not in control' });
		history.sessionStarted();
		history.replaceWithRecent([rejected, { ...rejected }]);
		assert.equal(history.addLive({ ...rejected }), false);
		assert.equal(history.addLive({ ...rejected }), false);
		assert.equal(history.addLive({ ...rejected }), true, 'a third one the hub sent later');
		assert.equal(history.newestFirst().length, 3);
	});

	it('takes every later live event once one live event was new, as the hub sends in order', () => {
		const history = new EventHistory(10);
		history.sessionStarted();
		history.replaceWithRecent([event(1), event(2)]);
		assert.equal(history.addLive(event(3)), true);
		assert.equal(history.addLive(event(1)), true, 'the same again, later');
		assert.deepEqual(details(history), ['e1', 'e3', 'e2', 'e1']);
	});

	it('keeps the newest events up to its limit', () => {
		const history = new EventHistory(3);
		history.sessionStarted();
		history.replaceWithRecent([1, 2, 3, 4, 5].map((n) => event(n)));
		assert.deepEqual(details(history), ['e5', 'e4', 'e3']);
		history.addLive(event(6));
		assert.deepEqual(details(history), ['e6', 'e5', 'e4']);
	});

	it('treats an answer that is not a list as no recent events', () => {
		const history = new EventHistory(3);
		history.addLive(event(1));
		history.replaceWithRecent(null);
		assert.deepEqual(details(history), []);
	});
});
