/**
 * Colours that tell drones apart on the map and in charts, chosen to read on a dark background.
 */
const COLOURS = ['#4fd1c5', '#f6ad55', '#b794f4', '#68d391', '#f687b3', '#63b3ed', '#fc8181', '#faf089', '#9ae6b4', '#cbd5e0'];

/** The colour of the drone at {@code index} in id order. */
export function droneColour(index) {
	return COLOURS[((index % COLOURS.length) + COLOURS.length) % COLOURS.length];
}
