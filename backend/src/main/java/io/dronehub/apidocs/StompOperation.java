package io.dronehub.apidocs;

import java.lang.reflect.Type;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * What happens at one STOMP destination, from the hub's side as AsyncAPI describes it:
 * the hub receives what clients SEND there, or sends to those who SUBSCRIBE there.
 *
 * @param address the destination, with a braced part for a variable segment
 * @param action whether the hub receives or sends there
 * @param payloads the types of the message bodies
 * @param notes sentences on what happens there, in the order found
 * @param replyAddress where the hub answers what it receives here, or {@code null}
 * @param repliesTo the destinations whose requests this one answers
 */
record StompOperation(String address, Action action, List<Type> payloads, List<String> notes,
		@Nullable String replyAddress, List<String> repliesTo) {

	/**
	 * The hub's side of an exchange, as AsyncAPI names it.
	 */
	enum Action {

		/** Clients SEND here and the hub handles it. */
		RECEIVE,
		/** The hub sends here to those who SUBSCRIBE. */
		SEND

	}

	/**
	 * Combines two descriptions of the same destination and action.
	 * @param other found elsewhere in the code
	 * @return both payloads, notes and requests answered, each once
	 */
	StompOperation merge(StompOperation other) {
		return new StompOperation(this.address, this.action, union(this.payloads, other.payloads),
				union(this.notes, other.notes), (this.replyAddress != null) ? this.replyAddress : other.replyAddress,
				union(this.repliesTo, other.repliesTo));
	}

	private static <T> List<T> union(List<T> first, List<T> second) {
		return Stream.concat(first.stream(), second.stream()).distinct().toList();
	}

}
