import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SignIn } from '../../main/resources/static/js/sign-in.js';

/** A hub connection that records what it was asked to connect with; the test says what the hub did. */
class FakeConnection extends EventTarget {

	starts = [];

	start(credentials) {
		this.starts.push(credentials);
	}

	state(state, userName) {
		this.dispatchEvent(new CustomEvent('state', { detail: { state, userName } }));
	}

	refuse(message) {
		this.dispatchEvent(new CustomEvent('refused', { detail: { message } }));
	}

}

/** A console without a form: signing in is driven through the module's methods. */
function pilotConsole() {
	const connection = new FakeConnection();
	const said = [];
	const signIn = new SignIn({ querySelector: () => null },
			{ connection, say: (text, kind) => said.push({ text, kind }) });
	connection.state('live', 'guest-1');
	return { connection, said, signIn };
}

describe('SignIn', () => {
	before(() => {
		globalThis.requestAnimationFrame ??= () => 0;
	});

	it('connects again with the credentials, and is not signed in before the hub answers', () => {
		const { connection, said, signIn } = pilotConsole();
		assert.equal(signIn.signedInAs, null);

		signIn.signIn({ login: 'alice', passcode: 'alice-secret' });
		assert.deepEqual(connection.starts, [{ login: 'alice', passcode: 'alice-secret' }]);
		assert.deepEqual(said, [{ text: 'Connecting as alice…', kind: 'info' }]);
		assert.equal(signIn.signedInAs, null);
	});

	it('says who is signed in when the new session is live, and no one while it is away', () => {
		const { connection, said, signIn } = pilotConsole();
		signIn.signIn({ login: 'alice', passcode: 'alice-secret' });
		connection.state('connecting', 'guest-1');
		assert.equal(signIn.signedInAs, null);
		connection.state('live', 'alice');
		assert.equal(signIn.signedInAs, 'alice');
		assert.deepEqual(said.at(-1), { text: 'Signed in as alice.', kind: 'ok' });

		connection.state('reconnecting', 'alice');
		assert.equal(signIn.signedInAs, null);
		connection.state('live', 'alice');
		assert.equal(signIn.signedInAs, 'alice');
	});

	it('keeps the hub\'s reason when it refuses the credentials, until the next attempt', () => {
		const { connection, said, signIn } = pilotConsole();
		signIn.signIn({ login: 'alice', passcode: 'wrong' });
		connection.state('connecting', 'guest-1');
		connection.refuse('invalid login or passcode');
		assert.equal(signIn.signedInAs, null);
		assert.equal(signIn.refusal, 'invalid login or passcode');
		assert.deepEqual(said.at(-1), { text: 'The hub refused the connection: invalid login or passcode', kind: 'error' });

		signIn.signIn({ login: 'alice', passcode: 'alice-secret' });
		assert.equal(signIn.refusal, null);
		connection.state('live', 'alice');
		assert.equal(signIn.signedInAs, 'alice');
	});

	it('signs out by connecting again as a guest', () => {
		const { connection, said, signIn } = pilotConsole();
		signIn.signIn({ login: 'alice', passcode: 'alice-secret' });
		connection.state('live', 'alice');

		signIn.signOut();
		assert.deepEqual(connection.starts.at(-1), {});
		assert.equal(signIn.signedInAs, null);
		assert.deepEqual(said.at(-1), { text: 'Signed out: connecting as a guest…', kind: 'info' });
		connection.state('connecting', 'alice');
		connection.state('live', 'guest-2');
		assert.equal(signIn.signedInAs, null);
	});

	it('is not signed in as a guest who sends an empty form', () => {
		const { connection, said, signIn } = pilotConsole();
		signIn.signIn({ login: '', passcode: '' });
		connection.state('live', 'guest-2');
		assert.equal(signIn.signedInAs, null);
		assert.deepEqual(said, [{ text: 'Connecting as a guest…', kind: 'info' }]);
	});
});
