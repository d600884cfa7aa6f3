import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ControlPrompts } from '../../main/resources/static/js/control-prompts.js';

const PROMPT = { requestId: 'r-1', droneId: 'd1', from: 'bob', expiresAt: 1_000_010_000 };

describe('ControlPrompts', () => {
	it('counts the seconds left on the page clock from what the hub clock said, whatever the page clock says', () => {
		const prompts = new ControlPrompts();
		prompts.asked(PROMPT, 1_000_000_000, 5_000);

		assert.deepEqual(prompts.open(5_000), [{ requestId: 'r-1', droneId: 'd1', from: 'bob', secondsLeft: 10 }]);
		assert.equal(prompts.open(14_100)[0].secondsLeft, 1);
		assert.deepEqual(prompts.open(15_000), [], 'expired');
		assert.deepEqual(prompts.open(5_000), [], 'and forgotten');
	});

	it('drops a request when it is answered here or decided elsewhere, and tells its listeners', () => {
		const prompts = new ControlPrompts();
		let changes = 0;
		prompts.addEventListener('change', () => changes++);
		prompts.asked(PROMPT, 1_000_000_000, 0);
		prompts.asked({ ...PROMPT, requestId: 'r-2', droneId: 'd2' }, 1_000_000_000, 0);

		prompts.answered('d1');
		prompts.eventSeen({ type: 'MODE_CHANGED', droneId: 'd2' });
		assert.deepEqual(prompts.open(0).map((open) => open.droneId), ['d2']);
		prompts.eventSeen({ type: 'CONTROL_REQUEST_WITHDRAWN', droneId: 'd2' });
		assert.deepEqual(prompts.open(0), []);
		assert.equal(changes, 4);
	});

	it('keeps one request per drone, the latest', () => {
		const prompts = new ControlPrompts();
		prompts.asked(PROMPT, 1_000_000_000, 0);
		prompts.asked({ ...PROMPT, requestId: 'r-2', from: 'carol' }, 1_000_000_000, 0);

		assert.deepEqual(prompts.open(0).map((open) => open.from), ['carol']);
		prompts.clear();
		assert.deepEqual(prompts.open(0), []);
	});
});
