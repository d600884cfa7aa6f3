/**
 * The instrument panel of the selected drone: every element marked {@code data-instrument="name"}
 * shows one reading with its unit, and carries the raw number in {@code data-value}; the panel
 * itself carries the drone's {@code data-drone} and the state's {@code data-seq}.
 */
import {
	failsafeLabel, formatCoordinates, formatHeading, formatMeters, formatPercent, formatSpeed,
	controlLabel, formatVerticalSpeed, formatVoltage, modeLabel, pilotLabel,
} from './format.js';
import { setAttribute, setText } from './dom.js';
import { missionProgressLabel } from './mission-plan.js';

const READINGS = {
	altitude: (s) => [formatMeters(s.position?.alt), s.position?.alt],
	groundSpeed: (s) => [formatSpeed(s.groundSpeed), s.groundSpeed],
	verticalSpeed: (s) => [formatVerticalSpeed(s.velocity?.up), s.velocity?.up],
	heading: (s) => [formatHeading(s.heading), s.heading],
	battery: (s) => [formatPercent(s.battery?.percent), s.battery?.percent],
	voltage: (s) => [formatVoltage(s.battery?.voltage), s.battery?.voltage],
	mode: (s) => [modeLabel(s.mode), s.mode],
	armed: (s) => [s.armed ? 'Armed' : 'Disarmed', String(Boolean(s.armed))],
	failsafe: (s) => [failsafeLabel(s.failsafe), s.failsafe ?? ''],
	position: (s) => [formatCoordinates(s.position?.lat, s.position?.lon), ''],
	pilot: (s, me) => [pilotLabel(s.pilot, me), s.pilot ?? ''],
	control: (s, me) => [controlLabel(s.control, s.timestamp, me) || '—', s.control?.request?.from ?? ''],
	mission: (s) => [missionProgressLabel(s.mission) || '—', s.mission?.state ?? ''],
};

export class InstrumentPanel {

	#fields;

	#meter;

	#root;

	/** @param {Element} root the element holding the data-instrument elements */
	constructor(root) {
		this.#root = root;
		this.#fields = [...root.querySelectorAll('[data-instrument]')];
		this.#meter = root.querySelector('[data-battery-meter]');
	}

	/**
	 * Shows one drone's state, or dashes when there is none.
	 * @param {object|undefined} state
	 * @param {string|null} me this page's user name, to mark "(you)"
	 */
	render(state, me) {
		for (const field of this.#fields) {
			const reading = READINGS[field.dataset.instrument];
			if (!reading) {
				continue;
			}
			const [text, value] = state ? reading(state, me) : ['—', ''];
			setText(field, text);
			setAttribute(field, 'data-value', value == null ? '' : String(value));
		}
		if (this.#meter) {
			this.#meter.value = state?.battery?.percent ?? 0;
		}
		setAttribute(this.#root, 'data-drone', state ? state.droneId : '');
		setAttribute(this.#root, 'data-seq', state ? String(state.seq) : '');
		setAttribute(this.#root, 'data-failsafe', state?.failsafe ? 'true' : 'false');
		setAttribute(this.#root, 'data-armed', state?.armed ? 'true' : 'false');
	}

}
