/**
 * Keyboard flight: which keys move the drone which way, and the MOVE set-point for the keys held
 * down. Pure: keyboard-flight.js owns the timer and the DOM.
 */

/** Key (KeyboardEvent.code) → what it does. */
export const FLIGHT_KEYS = Object.freeze({
	KeyW: 'forward',
	KeyS: 'back',
	KeyA: 'left',
	KeyD: 'right',
	KeyR: 'up',
	KeyF: 'down',
	KeyQ: 'yawLeft',
	KeyE: 'yawRight',
});

/** Whether a key code is a flight key. */
export function isFlightKey(code) {
	return Object.hasOwn(FLIGHT_KEYS, code);
}

/**
 * The MOVE set-point for the held keys: m/s forward, right and up in the drone's frame and
 * yaw rate in deg/s (clockwise positive). Opposite keys cancel.
 * @param {Iterable<string>} heldCodes KeyboardEvent.code values
 * @param {{horizontal:number, vertical:number, yawRate:number}} speeds
 */
export function moveSetpoint(heldCodes, speeds) {
	const held = new Set();
	for (const code of heldCodes) {
		if (isFlightKey(code)) {
			held.add(FLIGHT_KEYS[code]);
		}
	}
	const axis = (positive, negative) => (held.has(positive) ? 1 : 0) - (held.has(negative) ? 1 : 0);
	return {
		forward: axis('forward', 'back') * speeds.horizontal,
		right: axis('right', 'left') * speeds.horizontal,
		up: axis('up', 'down') * speeds.vertical,
		yawRate: axis('yawRight', 'yawLeft') * speeds.yawRate,
	};
}

/** Whether a set-point asks for no motion at all. */
export function isStill(setpoint) {
	return setpoint.forward === 0 && setpoint.right === 0 && setpoint.up === 0 && setpoint.yawRate === 0;
}
