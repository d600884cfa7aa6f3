/**
 * Signing in on the pilot console. The form connects again with the user's credentials; once
 * the hub has opened a session for them (the CONNECTED frame's user name), the form, password
 * cleared, gives way to "Signed in as NAME" and a Sign out button, which connects again as a
 * guest, an anonymous observer. A refused sign-in keeps the form open with the hub's reason.
 */
import { nextFrame, setText } from './dom.js';

export class SignIn {

	#connection;

	#say;

	#details;

	#form;

	#error;

	#signedIn;

	#name;

	/** The login the page last connected with, or null for a guest. */
	#login = null;

	/** The user name of the live session opened with {@link #login}, or null. */
	#session = null;

	/** Why the hub refused the latest connection, or null. */
	#refusal = null;

	#render = nextFrame(() => this.#draw());

	/**
	 * @param {ParentNode} root the page
	 * @param {object} parts
	 * @param {import('./connection.js').HubConnection} parts.connection
	 * @param {(text: string, kind: string) => void} parts.say tells the pilot something
	 */
	constructor(root, { connection, say }) {
		this.#connection = connection;
		this.#say = say;
		this.#details = root.querySelector('[data-login]');
		this.#form = root.querySelector('[data-login-form]');
		this.#error = root.querySelector('[data-login-error]');
		this.#signedIn = root.querySelector('[data-signed-in]');
		this.#name = root.querySelector('[data-signed-in-name]');

		this.#form?.addEventListener('submit', (event) => {
			event.preventDefault();
			const form = new FormData(this.#form);
			this.signIn({ login: String(form.get('login') ?? ''), passcode: String(form.get('passcode') ?? '') });
		});
		root.querySelector('[data-action="sign-out"]')?.addEventListener('click', () => this.signOut());
		connection.addEventListener('state', (event) => {
			const { state, userName } = event.detail;
			const session = state === 'live' && this.#login ? userName : null;
			if (session && !this.#session) {
				this.#refusal = null;
				if (this.#form) {
					this.#form.elements.passcode.value = '';
				}
				say(`Signed in as ${session}.`, 'ok');
			}
			this.#session = session;
			this.#render();
		});
		connection.addEventListener('refused', (event) => {
			this.#refusal = event.detail.message;
			say(`The hub refused the connection: ${event.detail.message}`, 'error');
			if (this.#details) {
				this.#details.open = true;
			}
			this.#render();
		});
	}

	/** The user name this page is signed in as, or null (a guest, or not yet accepted). */
	get signedInAs() {
		return this.#session;
	}

	/** Why the hub refused the latest connection, or null. */
	get refusal() {
		return this.#refusal;
	}

	/**
	 * Connects again with credentials; an empty login connects as a guest.
	 * @param {{login: string, passcode: string}} credentials
	 */
	signIn({ login, passcode }) {
		this.#say(login ? `Connecting as ${login}…` : 'Connecting as a guest…', 'info');
		this.#connect({ login, passcode });
	}

	/** Connects again as a guest. */
	signOut() {
		this.#say('Signed out: connecting as a guest…', 'info');
		this.#connect({});
	}

	#connect(credentials) {
		this.#login = credentials.login || null;
		this.#session = null;
		this.#refusal = null;
		this.#connection.start(credentials);
		this.#render();
	}

	#draw() {
		const signedIn = this.#session != null;
		if (this.#details) {
			this.#details.hidden = signedIn;
		}
		if (this.#signedIn) {
			this.#signedIn.hidden = !signedIn;
		}
		setText(this.#name, this.#session ?? '');
		setText(this.#error, this.#refusal ? `Not signed in: ${this.#refusal}.` : '');
	}

}
