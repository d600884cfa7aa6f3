package io.dronehub.recorder;

import io.dronehub.flight.Position;

/**
 * A flight under way as recorded so far, by this node or another node of a cluster: what
 * a recorder needs to carry it on when its drone moves to its node.
 *
 * @param flight the flight's summary as recorded
 * @param lastSeq the {@code seq} of its latest recorded state
 * @param lastTimestamp when that state was computed, epoch milliseconds
 * @param lastPosition where that state was
 * @param lastBatteryPercent the charge in that state
 * @param entries how many entries its log holds, counting from the highest number used
 */
record FlightSoFar(Flight flight, long lastSeq, long lastTimestamp, Position lastPosition, double lastBatteryPercent,
		int entries) {
}
