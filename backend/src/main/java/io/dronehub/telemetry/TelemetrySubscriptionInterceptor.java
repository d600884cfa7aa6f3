package io.dronehub.telemetry;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dronehub.outbound.SessionWriter;
import io.dronehub.outbound.SessionWriters;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;

/**
 * Takes subscriptions to the telemetry topics away from the broker and gives them to the
 * subscriber's {@link TelemetrySlots}, which the {@link TelemetryFanout} fills and the
 * session's writer drains. Runs on the inbound channel after authorisation.
 */
public class TelemetrySubscriptionInterceptor implements ChannelInterceptor {

	private static final Pattern DRONE_TOPIC = Pattern
		.compile(TelemetryPublisher.DRONE_TOPIC.replace("{droneId}", "([^/]+)"));

	private final SessionWriters<TelemetrySlots> writers;

	TelemetrySubscriptionInterceptor(SessionWriters<TelemetrySlots> writers) {
		this.writers = writers;
	}

	@Override
	public @Nullable Message<?> preSend(Message<?> message, MessageChannel channel) {
		SimpMessageType type = SimpMessageHeaderAccessor.getMessageType(message.getHeaders());
		String sessionId = SimpMessageHeaderAccessor.getSessionId(message.getHeaders());
		String subscriptionId = SimpMessageHeaderAccessor.getSubscriptionId(message.getHeaders());
		SessionWriter<TelemetrySlots> writer = (sessionId != null) ? this.writers.get(sessionId) : null;
		if (writer == null || subscriptionId == null) {
			return message;
		}
		if (type == SimpMessageType.UNSUBSCRIBE) {
			writer.updateLatest(TelemetrySlots::unsubscribe, subscriptionId);
			return message;
		}
		String destination = SimpMessageHeaderAccessor.getDestination(message.getHeaders());
		if (type != SimpMessageType.SUBSCRIBE || destination == null) {
			return message;
		}
		if (destination.equals(TelemetryPublisher.FLEET_TOPIC)) {
			writer.updateLatest(TelemetrySlots::subscribe,
					new TelemetrySubscription(subscriptionId, destination, null));
			return null;
		}
		Matcher drone = DRONE_TOPIC.matcher(destination);
		if (drone.matches()) {
			writer.updateLatest(TelemetrySlots::subscribe,
					new TelemetrySubscription(subscriptionId, destination, drone.group(1)));
			return null;
		}
		return message;
	}

}
