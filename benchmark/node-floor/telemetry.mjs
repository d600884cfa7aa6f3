// What the Node floor server sends and reads: telemetry bodies byte for byte those of the
// benchmark's TelemetryPayload (which the Java floor sends), MESSAGE frames shaped like the
// hub's, and the few client frames a spectator sends. No I/O here.

const HOME_LAT = -22.9519;
const HOME_LON = -43.2105;

/** The only topic with every drone's states; each drone also has its own. */
export const FLEET_TOPIC = '/topic/telemetry';

/** The answer to CONNECT, as the Java floor gives it: STOMP 1.2, no heart-beats. */
export const CONNECTED = Buffer.from('CONNECTED\nversion:1.2\nheart-beat:0,0\n\n\0');

/** The topics a drone's states go to. */
export function droneTopics(droneNumber) {
	return [FLEET_TOPIC, `/topic/drones/d${droneNumber}/telemetry`];
}

/** A number as Java's Double.toString writes one of this size: 15 as "15.0". */
function javaDouble(value) {
	return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** Java's Math.round(value * 10^decimals) / 10^decimals. */
function round(value, decimals) {
	const scale = 10 ** decimals;
	return Math.round(value * scale) / scale;
}

/** The JSON of one drone's state, the same characters as TelemetryPayload.json (about 300 bytes). */
export function telemetryJson(droneNumber, seq, timestamp) {
	const lat = HOME_LAT + droneNumber * 0.0001 + (seq % 1000) * 0.0000001;
	const lon = HOME_LON + droneNumber * 0.0001;
	const heading = (seq * 3.7) % 360;
	return `{"droneId":"d${droneNumber}","seq":${seq},"timestamp":${timestamp}`
		+ `,"mode":"GOTO","armed":true,"position":{"lat":${javaDouble(round(lat, 7))}`
		+ `,"lon":${javaDouble(round(lon, 7))},"alt":15.42}`
		+ ',"velocity":{"north":3.21,"east":-1.07,"up":0.0},"groundSpeed":3.38'
		+ `,"heading":${javaDouble(round(heading, 1))}`
		+ ',"battery":{"percent":87.5,"voltage":15.92}'
		+ `,"home":{"lat":${HOME_LAT},"lon":${HOME_LON}}`
		+ ',"pilot":null,"failsafe":null}';
}

/**
 * A MESSAGE frame as the hub writes it (its message-id is the drone and seq), for one
 * subscription id; the id goes back as the client wrote it, escapes and all.
 */
export function messageFrame(destination, subscriptionId, droneNumber, seq, json) {
	return Buffer.from(`MESSAGE\ndestination:${destination}\ncontent-type:application/json`
		+ `\nsubscription:${subscriptionId}\nmessage-id:d${droneNumber}-${seq}`
		+ `\ncontent-length:${Buffer.byteLength(json)}\n\n${json}\0`);
}

/** The answer to a DISCONNECT that asks for a receipt. */
export function receiptFrame(receiptId) {
	return Buffer.from(`RECEIPT\nreceipt-id:${receiptId}\n\n\0`);
}

/**
 * The frames of one WebSocket message from a client, each as its command and headers (the
 * first of a repeated header, as STOMP 1.2 says); bodies are not needed, so not kept.
 */
export function parseFrames(text) {
	const frames = [];
	for (const chunk of text.split('\0')) {
		const lines = chunk.replace(/^[\r\n]+/, '').split('\n');
		const command = lines[0].trim();
		if (command === '') {
			continue;
		}
		const headers = new Map();
		for (let i = 1; i < lines.length; i++) {
			const line = lines[i].replace(/\r$/, '');
			if (line === '') {
				break;
			}
			const colon = line.indexOf(':');
			const name = line.slice(0, colon);
			if (colon > 0 && !headers.has(name)) {
				headers.set(name, line.slice(colon + 1));
			}
		}
		frames.push({ command, headers });
	}
	return frames;
}
