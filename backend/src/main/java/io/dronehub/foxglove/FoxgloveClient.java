package io.dronehub.foxglove;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import io.dronehub.outbound.InlineCompletions;
import io.dronehub.security.TokenBucket;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * One Foxglove WebSocket connection: its subscriptions and everything that leaves for it,
 * written without ever blocking the caller. Control messages and events are queued and
 * never dropped; after them, each subscription's newest message data waits in a slot of
 * its own, which a newer one replaces (the conflation is announced to the client with a
 * warning {@code status}, as foxglove_bridge does, at most every ten seconds). One
 * asynchronous write is in flight at a time. A write that makes no progress for the stall
 * timeout, or a queue that grows beyond its limit, closes the connection: a slow client
 * costs only itself.
 * <p>
 * Thread-safe: the connection's own threads, the simulation thread and the container's
 * completion threads all use it, under this object's lock.
 */
final class FoxgloveClient {

	private static final Log logger = LogFactory.getLog(FoxgloveClient.class);

	private static final long WARN_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

	/** The key of the Time message's slot, which no subscription id can take. */
	private static final long TIME_SLOT = -1;

	private final WebSocketSession session;

	private final RemoteEndpoint.Async remote;

	private final int maxQueued;

	private final FoxgloveMeters meters;

	private final TokenBucket requests;

	private final Map<Integer, Integer> channelsBySubscription = new HashMap<>();

	private final Map<Integer, Integer> subscriptionsByChannel = new HashMap<>();

	private final ArrayDeque<Object> queue = new ArrayDeque<>();

	private final Map<Long, ByteBuffer> latest = new LinkedHashMap<>();

	private boolean writing;

	private boolean sending;

	private boolean closed;

	private long conflated;

	private long warnedAtNanos = System.nanoTime() - WARN_EVERY_NANOS;

	FoxgloveClient(WebSocketSession session, RemoteEndpoint.Async remote, Duration stallTimeout, int maxQueued,
			FoxgloveMeters meters, TokenBucket requests) {
		this.session = session;
		this.requests = requests;
		this.remote = remote;
		this.maxQueued = maxQueued;
		this.meters = meters;
		remote.setSendTimeout(stallTimeout.toMillis());
	}

	/**
	 * Takes one of the connection's requests from its rate.
	 * @return whether the request may be handled
	 */
	boolean tryRequest() {
		return this.requests.tryTake();
	}

	/**
	 * Subscribes to a channel.
	 * @param subscription the client's id for it
	 * @param channel the channel
	 * @return why it cannot be, or {@code null} when done
	 */
	synchronized @Nullable String subscribe(int subscription, int channel, int maxSubscriptions) {
		if (this.channelsBySubscription.containsKey(subscription)) {
			return "subscription id " + subscription + " is already in use";
		}
		if (this.subscriptionsByChannel.containsKey(channel)) {
			return "channel " + channel + " is already subscribed as " + this.subscriptionsByChannel.get(channel);
		}
		if (this.channelsBySubscription.size() >= maxSubscriptions) {
			return "too many subscriptions: at most " + maxSubscriptions;
		}
		this.channelsBySubscription.put(subscription, channel);
		this.subscriptionsByChannel.put(channel, subscription);
		return null;
	}

	/**
	 * Ends a subscription; what it had waiting is not sent.
	 * @param subscription the client's id for it
	 * @return whether it existed
	 */
	synchronized boolean unsubscribe(int subscription) {
		Integer channel = this.channelsBySubscription.remove(subscription);
		if (channel == null) {
			return false;
		}
		this.subscriptionsByChannel.remove(channel);
		this.latest.remove((long) subscription);
		return true;
	}

	/**
	 * Forgets the subscriptions of channels that are no longer advertised.
	 * @param channel the channel
	 */
	synchronized void unadvertised(int channel) {
		Integer subscription = this.subscriptionsByChannel.get(channel);
		if (subscription != null) {
			unsubscribe(subscription);
		}
	}

	/**
	 * Sends a control message (JSON text); never dropped.
	 * @param json the message
	 */
	void send(String json) {
		synchronized (this) {
			enqueue(json);
		}
		flush();
	}

	/**
	 * Sends a channel's message to this client if it subscribed to the channel.
	 * @param channel the channel
	 * @param timestampNanos the message's time
	 * @param payload the message's JSON
	 * @param conflatable whether a newer message of the channel may replace this one
	 */
	void publish(int channel, long timestampNanos, byte[] payload, boolean conflatable) {
		synchronized (this) {
			Integer subscription = this.subscriptionsByChannel.get(channel);
			if (subscription == null) {
				return;
			}
			ByteBuffer frame = FoxgloveFrames.messageData(subscription, timestampNanos, payload);
			if (!conflatable) {
				enqueue(frame);
			}
			else if (this.latest.put((long) subscription, frame) != null) {
				conflated();
			}
		}
		flush();
	}

	/**
	 * Tells this client the hub's time; a newer time replaces one not yet sent.
	 * @param timestampNanos the time
	 */
	void time(long timestampNanos) {
		synchronized (this) {
			this.latest.put(TIME_SLOT, FoxgloveFrames.time(timestampNanos));
		}
		flush();
	}

	/**
	 * How many messages newer ones replaced before they could be written.
	 * @return the count since the connection opened
	 */
	synchronized long conflatedCount() {
		return this.conflated;
	}

	synchronized boolean subscribed() {
		return !this.subscriptionsByChannel.isEmpty();
	}

	synchronized int subscriptionCount() {
		return this.subscriptionsByChannel.size();
	}

	private void enqueue(Object message) {
		if (this.closed) {
			return;
		}
		if (this.queue.size() >= this.maxQueued) {
			close(CloseStatus.POLICY_VIOLATION.withReason("too slow: " + this.maxQueued + " messages waiting"));
			return;
		}
		this.queue.add(message);
	}

	private void conflated() {
		this.conflated++;
		this.meters.conflated().increment();
		long now = System.nanoTime();
		if (now - this.warnedAtNanos >= WARN_EVERY_NANOS) {
			this.warnedAtNanos = now;
			enqueue(FoxgloveMessages.status(FoxgloveMessages.WARNING,
					"Send buffer limit reached: the connection is slower than the telemetry, so only the newest "
							+ "message of each channel is sent (" + this.conflated + " replaced so far)"));
		}
	}

	private void flush() {
		synchronized (this) {
			if (this.sending) {
				return;
			}
			while (!this.writing && !this.closed) {
				Object next = next();
				if (next == null) {
					return;
				}
				this.writing = true;
				this.sending = true;
				InlineCompletions.enter(this);
				try {
					if (next instanceof String text) {
						this.remote.sendText(text, this::sent);
					}
					else {
						ByteBuffer frame = (ByteBuffer) next;
						if (frame.get(0) == FoxgloveFrames.MESSAGE_DATA) {
							this.meters.delivered().increment();
						}
						this.remote.sendBinary(frame, this::sent);
					}
				}
				catch (RuntimeException ex) {
					close(CloseStatus.SERVER_ERROR);
				}
				finally {
					this.sending = false;
					InlineCompletions.exit();
				}
			}
		}
	}

	private @Nullable Object next() {
		Object queued = this.queue.poll();
		if (queued != null) {
			return queued;
		}
		Iterator<ByteBuffer> slots = this.latest.values().iterator();
		if (!slots.hasNext()) {
			return null;
		}
		ByteBuffer frame = slots.next();
		slots.remove();
		return frame;
	}

	private void sent(SendResult result) {
		synchronized (this) {
			this.writing = false;
			if (!result.isOK()) {
				close(CloseStatus.SESSION_NOT_RELIABLE.withReason("write stalled"));
				return;
			}
			if (this.sending) {
				return;
			}
		}
		flush();
	}

	synchronized void close(CloseStatus status) {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.queue.clear();
		this.latest.clear();
		try {
			this.session.close(status);
		}
		catch (IOException ex) {
			logger.debug("Closing Foxglove connection " + this.session.getId() + " failed", ex);
		}
	}

}
