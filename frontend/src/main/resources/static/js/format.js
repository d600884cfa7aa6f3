/**
 * Turns telemetry numbers into the words and units a person reads. Pure: no DOM, no clock.
 */

const MINUS = '\u2212';

function finite(value) {
	return typeof value === 'number' && Number.isFinite(value);
}

/** "15.0 m" for a length in metres; "—" when unknown. */
export function formatMeters(meters, digits = 1) {
	return finite(meters) ? `${meters.toFixed(digits)} m` : '—';
}

/** "3.2 m/s" for a speed in metres per second. */
export function formatSpeed(metersPerSecond) {
	return finite(metersPerSecond) ? `${Math.abs(metersPerSecond).toFixed(1)} m/s` : '—';
}

/** "+1.5 m/s" climbing, "−0.7 m/s" descending, "0.0 m/s" level. */
export function formatVerticalSpeed(metersPerSecond) {
	if (!finite(metersPerSecond)) {
		return '—';
	}
	const rounded = Math.round(metersPerSecond * 10) / 10;
	if (rounded === 0) {
		return '0.0 m/s';
	}
	return `${rounded > 0 ? '+' : MINUS}${Math.abs(rounded).toFixed(1)} m/s`;
}

const COMPASS_POINTS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'];

/** Normalises an angle to [0, 360). */
export function normalizeDegrees(degrees) {
	const wrapped = degrees % 360;
	return wrapped < 0 ? wrapped + 360 : wrapped;
}

/** The nearest of the eight compass points, e.g. "NE" for 40°. */
export function compassPoint(degrees) {
	const index = Math.round(normalizeDegrees(degrees) / 45) % 8;
	return COMPASS_POINTS[index];
}

/** "090° E" for a heading in degrees clockwise from north. */
export function formatHeading(degrees) {
	if (!finite(degrees)) {
		return '—';
	}
	const whole = Math.round(normalizeDegrees(degrees)) % 360;
	return `${String(whole).padStart(3, '0')}° ${compassPoint(whole)}`;
}

/** "87 %" for a battery charge. */
export function formatPercent(percent) {
	return finite(percent) ? `${Math.round(percent)} %` : '—';
}

/** "15.90 V" for a battery voltage. */
export function formatVoltage(volts) {
	return finite(volts) ? `${volts.toFixed(2)} V` : '—';
}

/** "0.1 s ago", "12 s ago", "3 min ago"; "no data yet" when nothing has arrived. */
export function formatAge(milliseconds) {
	if (!finite(milliseconds)) {
		return 'no data yet';
	}
	const seconds = Math.max(0, milliseconds) / 1000;
	if (seconds < 10) {
		return `${seconds.toFixed(1)} s ago`;
	}
	if (seconds < 120) {
		return `${Math.round(seconds)} s ago`;
	}
	return `${Math.round(seconds / 60)} min ago`;
}

/** "50 m" or "1.5 km" for a distance such as a scale bar's length. */
export function formatDistance(meters) {
	if (!finite(meters)) {
		return '—';
	}
	if (meters >= 1000) {
		return `${+(meters / 1000).toFixed(2)} km`;
	}
	return `${+meters.toFixed(1)} m`;
}

/** "22.951900° S, 43.210500° W". */
export function formatCoordinates(lat, lon) {
	if (!finite(lat) || !finite(lon)) {
		return '—';
	}
	const ns = lat < 0 ? 'S' : 'N';
	const ew = lon < 0 ? 'W' : 'E';
	return `${Math.abs(lat).toFixed(6)}° ${ns}, ${Math.abs(lon).toFixed(6)}° ${ew}`;
}

/** "14:03:09" local time for an epoch-millisecond timestamp. */
export function formatClock(timestamp) {
	if (!finite(timestamp)) {
		return '—';
	}
	const date = new Date(timestamp);
	return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/**
 * "0:42", "12:05" or "1:02:03" for a length of time in milliseconds (whole seconds, rounded
 * down, so a replay's elapsed time never runs ahead of its position).
 */
export function formatDuration(milliseconds) {
	if (!finite(milliseconds)) {
		return '—';
	}
	const total = Math.floor(Math.max(0, milliseconds) / 1000);
	const hours = Math.floor(total / 3600);
	const minutes = Math.floor(total / 60) % 60;
	const seconds = String(total % 60).padStart(2, '0');
	return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** "2026-12-01 14:03:09" local time for an epoch-millisecond timestamp. */
export function formatDateTime(timestamp) {
	if (!finite(timestamp)) {
		return '—';
	}
	const date = new Date(timestamp);
	const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
	return `${day} ${formatClock(timestamp)}`;
}

const MODE_LABELS = {
	DISARMED: 'Disarmed',
	ARMED: 'Armed, on ground',
	TAKEOFF: 'Taking off',
	HOLD: 'Holding',
	MANUAL: 'Manual',
	GOTO: 'Flying to target',
	LAND: 'Landing',
	RTL: 'Returning home',
	MISSION: 'Flying mission',
};

/** A flight mode in words, e.g. "Returning home" for RTL. */
export function modeLabel(mode) {
	return MODE_LABELS[mode] ?? (mode ? String(mode) : '—');
}

const FAILSAFE_LABELS = {
	LOW_BATTERY: 'Low battery',
	LINK_LOST: 'Pilot link lost',
	GEOFENCE: 'Geofence',
};

/** A failsafe in words; "None" when the hub has not taken over. */
export function failsafeLabel(failsafe) {
	if (failsafe == null) {
		return 'None';
	}
	return FAILSAFE_LABELS[failsafe] ?? String(failsafe);
}

/** Who flies a drone, in words. */
export function pilotLabel(pilot, me) {
	if (pilot == null || pilot === '') {
		return 'Nobody';
	}
	return pilot === me ? `${pilot} (you)` : pilot;
}

/**
 * How control of a drone may change hands, from telemetry's {@code control}: "bob asks for
 * control, 7 s left", "takeover allowed", or '' when neither.
 * @param {{allowTakeover: boolean, request: {from: string, expiresAt: number}|null}|undefined} control
 * @param {number} timestamp the state's timestamp, which the countdown counts from
 * @param {string|null} me this page's user name, to say "you ask"
 */
export function controlLabel(control, timestamp, me) {
	if (control == null) {
		return '';
	}
	const parts = [];
	if (control.allowTakeover) {
		parts.push('takeover allowed');
	}
	const request = control.request;
	if (request != null) {
		const left = Math.max(0, Math.ceil((request.expiresAt - timestamp) / 1000));
		const who = request.from === me ? 'you ask' : `${request.from} asks`;
		parts.push(`${who} for control, ${left} s left`);
	}
	return parts.join('; ');
}
