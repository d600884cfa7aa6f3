/**
 * Reads newline-delimited JSON as it streams in, one value at a time, so a long flight's
 * telemetry is never held whole as text.
 */

/**
 * Calls {@code onValue} with each line's JSON value, in order, as the stream delivers them.
 * Blank lines are skipped; a line that is not JSON fails the read.
 * @param {ReadableStream<Uint8Array>} stream e.g. a fetch response's body
 * @param {(value: any) => void} onValue
 * @returns {Promise<number>} how many values were read
 */
export async function readNdjson(stream, onValue) {
	const reader = stream.getReader();
	const decoder = new TextDecoder();
	let pending = '';
	let count = 0;
	const take = (line) => {
		if (line.trim() !== '') {
			onValue(JSON.parse(line));
			count++;
		}
	};
	for (;;) {
		const { done, value } = await reader.read();
		if (done) {
			break;
		}
		pending += decoder.decode(value, { stream: true });
		let newline = pending.indexOf('\n');
		let start = 0;
		while (newline >= 0) {
			take(pending.slice(start, newline));
			start = newline + 1;
			newline = pending.indexOf('\n', start);
		}
		pending = pending.slice(start);
	}
	take(pending + decoder.decode());
	return count;
}
