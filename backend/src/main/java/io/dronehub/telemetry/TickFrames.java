package io.dronehub.telemetry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.dronehub.flight.DroneState;
import tools.jackson.databind.json.JsonMapper;

/**
 * The STOMP MESSAGE frames of one tick. Each state is serialised once; the frame for a
 * given destination and subscription id is built once and shared by every session that
 * uses the same id (clients mostly number their subscriptions {@code sub-0},
 * {@code sub-1}, …). Used by the thread that publishes the tick only.
 */
final class TickFrames {

	/**
	 * What {@link #frame(int, TelemetrySubscription, long)} is told for a subscription
	 * without a rate: a frame without the {@code skipped} header.
	 */
	static final long EVERY_TICK = Long.MIN_VALUE;

	private final List<DroneState> states;

	private final String[] bodies;

	private final int[] bodyBytes;

	private final List<Map<String, String>> frames;

	private final long publishedNanos;

	private final int[] slots;

	private final int slotCount;

	/**
	 * Serialises a tick's states.
	 * @param states the states, of drones that {@code slots} numbers
	 * @param json the serialiser
	 * @param slots the slot of each drone of the fleet, {@code 0..N-1}
	 */
	TickFrames(List<DroneState> states, JsonMapper json, Map<String, Integer> slots) {
		this.publishedNanos = System.nanoTime();
		this.states = states;
		this.slotCount = slots.size();
		this.slots = new int[states.size()];
		for (int i = 0; i < states.size(); i++) {
			this.slots[i] = slots.get(states.get(i).droneId());
		}
		this.bodies = new String[states.size()];
		this.bodyBytes = new int[states.size()];
		this.frames = new ArrayList<>(states.size());
		for (int i = 0; i < states.size(); i++) {
			byte[] body = json.writeValueAsBytes(states.get(i));
			this.bodies[i] = new String(body, StandardCharsets.UTF_8);
			this.bodyBytes[i] = body.length;
			this.frames.add(new HashMap<>());
		}
	}

	/**
	 * When the simulation handed these states to the fan-out, in
	 * {@link System#nanoTime()}.
	 */
	long publishedNanos() {
		return this.publishedNanos;
	}

	int size() {
		return this.states.size();
	}

	String droneId(int index) {
		return this.states.get(index).droneId();
	}

	long seq(int index) {
		return this.states.get(index).seq();
	}

	/** The slot of state {@code index}'s drone among {@link #slotCount()}. */
	int slot(int index) {
		return this.slots[index];
	}

	/** How many drones the fleet has, each with a slot. */
	int slotCount() {
		return this.slotCount;
	}

	/**
	 * The MESSAGE frame of state {@code index} for a subscription, shared by the
	 * subscriptions with the same destination, id and {@code skipped} count.
	 * @param index the state
	 * @param subscription the subscription
	 * @param skipped the {@code skipped} header's value, or {@link #EVERY_TICK} for none
	 */
	String frame(int index, TelemetrySubscription subscription, long skipped) {
		String key = (skipped != EVERY_TICK) ? subscription.frameKey() + '\n' + skipped : subscription.frameKey();
		Map<String, String> frames = this.frames.get(index);
		String frame = frames.get(key);
		if (frame == null) {
			// no computeIfAbsent: its capturing lambda would be allocated for every
			// session
			frame = encode(index, subscription, skipped);
			frames.put(key, frame);
		}
		return frame;
	}

	private String encode(int index, TelemetrySubscription subscription, long skipped) {
		DroneState state = this.states.get(index);
		return new StringBuilder(this.bodies[index].length() + 200).append("MESSAGE\ndestination:")
			.append(subscription.destination())
			.append("\ncontent-type:application/json\nsubscription:")
			.append(escape(subscription.id()))
			.append("\nmessage-id:")
			.append(escape(state.droneId()))
			.append('-')
			.append(state.seq())
			.append((skipped != EVERY_TICK) ? "\n" + SubscriptionRate.SKIPPED_HEADER + ":" + skipped : "")
			.append("\ncontent-length:")
			.append(this.bodyBytes[index])
			.append("\n\n")
			.append(this.bodies[index])
			.append('\0')
			.toString();
	}

	/** Escapes a STOMP 1.2 header value. */
	static String escape(String value) {
		StringBuilder escaped = null;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			String replacement = switch (c) {
				case '\\' -> "\\\\";
				case ':' -> "\\c";
				case '\n' -> "\\n";
				case '\r' -> "\\r";
				default -> null;
			};
			if (replacement != null && escaped == null) {
				escaped = new StringBuilder(value.substring(0, i));
			}
			if (escaped != null) {
				if (replacement != null) {
					escaped.append(replacement);
				}
				else {
					escaped.append(c);
				}
			}
		}
		return (escaped != null) ? escaped.toString() : value;
	}

}
