package io.dronehub.replay;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A flight recorded by a test.
 *
 * @param id its id
 * @param states its states as the recorder's HTTP API gives them, in recorded order
 */
record RecordedFlight(String id, List<JsonNode> states) {

	/** The flight's length, from its first state to its last. */
	long durationMs() {
		return positionOf(this.states.get(this.states.size() - 1));
	}

	/** The states recorded from a time into the flight to another, both included. */
	List<JsonNode> statesBetween(long fromMs, long toMs) {
		return this.states.stream().filter((state) -> {
			long position = positionOf(state);
			return position >= fromMs && position <= toMs;
		}).toList();
	}

	private long positionOf(JsonNode state) {
		return state.get("timestamp").asLong() - this.states.get(0).get("timestamp").asLong();
	}

}
