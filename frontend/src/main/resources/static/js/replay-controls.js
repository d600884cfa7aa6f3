/**
 * The replay's controls: play/pause, the speed, a time slider that seeks where it is dropped,
 * the elapsed and total time, where the replay stands in words, and why the hub refused a
 * request. Clicks and drags ask the
 * replay for a request and hand it to {@code send}; rendering only shows the replay's state.
 */
import { element, setAttribute, setText } from './dom.js';
import { formatDuration } from './format.js';
import { REPLAY_SPEEDS } from './wire.js';

export class ReplayControls {

	#root;

	#toggle;

	#speed;

	#slider;

	#elapsed;

	#total;

	#label;

	#message;

	#scrubbing = false;

	/**
	 * @param {Element} root the element holding the controls' data- elements
	 * @param {import('./replay.js').ReplayState} replay
	 * @param {(request: {destination: string, body: object}|null) => void} send
	 */
	constructor(root, replay, send) {
		this.#root = root;
		this.#toggle = root.querySelector('[data-replay-toggle]');
		this.#speed = root.querySelector('[data-replay-speed]');
		this.#slider = root.querySelector('[data-replay-slider]');
		this.#elapsed = root.querySelector('[data-replay-elapsed]');
		this.#total = root.querySelector('[data-replay-total]');
		this.#label = root.querySelector('[data-replay-label]');
		this.#message = root.querySelector('[data-replay-message]');
		this.#speed.replaceChildren(...REPLAY_SPEEDS.map((speed) => element('option', { value: String(speed) }, [`${speed}\u00d7`])));
		this.#speed.value = String(replay.speed);
		this.#toggle.addEventListener('click', () => send(replay.toggle()));
		this.#speed.addEventListener('change', () => send(replay.setSpeed(Number(this.#speed.value))));
		this.#slider.addEventListener('input', () => {
			this.#scrubbing = true;
			setText(this.#elapsed, formatDuration(Number(this.#slider.value)));
		});
		this.#slider.addEventListener('change', () => {
			this.#scrubbing = false;
			send(replay.seek(Number(this.#slider.value)));
		});
	}

	/** Shows the replay's state now. */
	render(replay) {
		const playing = replay.playing;
		setText(this.#toggle, playing ? 'Pause' : (replay.status === 'ENDED' ? 'Play again' : 'Play'));
		setAttribute(this.#toggle, 'aria-pressed', String(playing));
		setAttribute(this.#toggle, 'data-playing', String(playing));
		const duration = Math.max(0, Math.round(replay.durationMs));
		setAttribute(this.#slider, 'max', String(duration));
		if (!this.#scrubbing) {
			this.#slider.value = String(Math.round(replay.positionMs));
			setText(this.#elapsed, formatDuration(replay.positionMs));
		}
		setAttribute(this.#slider, 'aria-valuetext', `${formatDuration(replay.positionMs)} of ${formatDuration(duration)}`);
		setText(this.#total, formatDuration(duration));
		if (this.#speed.value !== String(replay.speed)) {
			this.#speed.value = String(replay.speed);
		}
		setText(this.#label, replay.label);
		setText(this.#message, replay.message ?? '');
		setAttribute(this.#root, 'data-replay-status', replay.status);
		setAttribute(this.#root, 'data-position-ms', String(Math.round(replay.positionMs)));
		setAttribute(this.#root, 'data-waiting', String(replay.waiting));
	}

}
