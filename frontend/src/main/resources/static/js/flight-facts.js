/**
 * A recorded flight's numbers in words and units, in the order the Flights page shows them:
 * the list's columns and the replay's summary. Pure: no DOM.
 */
import { failsafeLabel, formatDateTime, formatDistance, formatDuration, formatMeters } from './format.js';

const END_REASONS = {
	DISARMED: 'Disarmed',
	HUB_STOPPED: 'Hub stopped',
};

/** Why a flight ended, in words: "Disarmed", "Hub stopped", a failsafe, or "—" while it flies. */
export function endReasonLabel(flight) {
	if (flight.endedAt == null) {
		return '—';
	}
	return END_REASONS[flight.endReason] ?? failsafeLabel(flight.endReason);
}

/**
 * The flight's numbers, each with a key (for {@code data-} attributes), a label and its text.
 * @returns {{key: string, label: string, text: string}[]}
 */
export function flightFacts(flight) {
	const flying = flight.endedAt == null;
	return [
		{ key: 'drone', label: 'Drone', text: flight.droneId },
		{ key: 'pilots', label: 'Pilots', text: flight.pilots?.length ? flight.pilots.join(', ') : 'nobody' },
		{ key: 'start', label: 'Start', text: formatDateTime(flight.startedAt) },
		{ key: 'duration', label: 'Duration', text: flying ? 'flying' : formatDuration(flight.endedAt - flight.startedAt) },
		{ key: 'endReason', label: 'End', text: endReasonLabel(flight) },
		{ key: 'maxAltitude', label: 'Max altitude', text: formatMeters(flight.maxAltitude) },
		{ key: 'distance', label: 'Distance', text: formatDistance(flight.distance) },
		{ key: 'batteryUsed', label: 'Battery used', text: Number.isFinite(flight.batteryUsed) ? `${flight.batteryUsed.toFixed(1)} %` : '—' },
		{ key: 'frames', label: 'Frames', text: Number.isFinite(flight.frames) ? flight.frames.toLocaleString('en') : '—' },
	];
}
