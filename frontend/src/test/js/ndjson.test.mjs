import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readNdjson } from '../../main/resources/static/js/ndjson.js';

/** A stream that delivers the text in the given pieces, as a network would. */
function streamOf(...pieces) {
	const encoder = new TextEncoder();
	return new ReadableStream({
		start(controller) {
			for (const piece of pieces) {
				controller.enqueue(encoder.encode(piece));
			}
			controller.close();
		},
	});
}

describe('readNdjson', () => {
	it('reads each line as it arrives, whatever the pieces the stream comes in', async () => {
		const values = [];
		const count = await readNdjson(streamOf('{"seq":1}\n{"se', 'q":2}\n', '\n{"seq":3,"pilot":"zoë"}'), (v) => values.push(v));
		assert.equal(count, 3);
		assert.deepEqual(values, [{ seq: 1 }, { seq: 2 }, { seq: 3, pilot: 'zoë' }]);
	});

	it('decodes characters split between pieces', async () => {
		const bytes = new TextEncoder().encode('{"pilot":"zoë"}\n');
		const split = bytes.indexOf(0xc3) + 1;
		const stream = new ReadableStream({
			start(controller) {
				controller.enqueue(bytes.slice(0, split));
				controller.enqueue(bytes.slice(split));
				controller.close();
			},
		});
		const values = [];
		await readNdjson(stream, (v) => values.push(v));
		assert.deepEqual(values, [{ pilot: 'zoë' }]);
	});

	it('fails on a line that is not JSON', async () => {
		await assert.rejects(readNdjson(streamOf('{"seq":1}\nnot json\n'), () => {}), SyntaxError);
	});
});
