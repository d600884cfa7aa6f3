import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HTTP_ENDPOINTS, codeSpans } from '../../main/resources/static/js/http-api.js';

describe('http-api', () => {
	it('splits an answer into words and code', () => {
		assert.deepEqual(codeSpans('One flight; `404` for an unknown id, `400` too.'), [
			{ code: false, text: 'One flight; ' }, { code: true, text: '404' }, { code: false, text: ' for an unknown id, ' },
			{ code: true, text: '400' }, { code: false, text: ' too.' },
		]);
		assert.deepEqual(codeSpans('`GET`'), [{ code: true, text: 'GET' }]);
	});

	it('lists each endpoint once, with roles, and no answer with an unclosed backtick', () => {
		const keys = HTTP_ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.path}`);
		assert.equal(new Set(keys).size, keys.length);
		for (const endpoint of HTTP_ENDPOINTS) {
			assert.ok(endpoint.roles.length > 0, endpoint.path);
			assert.equal(endpoint.answer.split('`').length % 2, 1, `${endpoint.path}: backticks in pairs`);
		}
		assert.deepEqual(HTTP_ENDPOINTS.find((endpoint) => endpoint.method === 'DELETE').roles, ['ADMIN']);
	});
});
