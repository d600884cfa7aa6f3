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
 * session's writer drains, each at the rate its {@value SubscriptionRate#HEADER} header
 * asks for (the {@link TelemetryRateCheck} refused the others). Runs on the inbound
 * channel after authorisation.
 */
public class TelemetrySubscriptionInterceptor implements ChannelInterceptor {

	private static final Pattern DRONE_TOPIC = Pattern
		.compile(TelemetryPublisher.DRONE_TOPIC.replace("{droneId}", "([^/]+)"));

	private final SessionWriters<TelemetrySlots> writers;

	private final int simulationRateHz;

	TelemetrySubscriptionInterceptor(SessionWriters<TelemetrySlots> writers, int simulationRateHz) {
		this.writers = writers;
		this.simulationRateHz = simulationRateHz;
	}

	/**
	 * Whether a destination is one of the telemetry topics.
	 * @param destination a SUBSCRIBE's destination
	 * @return {@code true} for {@code /topic/telemetry} and a drone's telemetry topic
	 */
	static boolean isTelemetry(String destination) {
		return destination.equals(TelemetryPublisher.FLEET_TOPIC) || DRONE_TOPIC.matcher(destination).matches();
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
		Matcher drone = DRONE_TOPIC.matcher(destination);
		boolean oneDrone = drone.matches();
		if (!oneDrone && !destination.equals(TelemetryPublisher.FLEET_TOPIC)) {
			return message;
		}
		SubscriptionRate rate = SubscriptionRate.of(
				SimpMessageHeaderAccessor.getFirstNativeHeader(SubscriptionRate.HEADER, message.getHeaders()),
				this.simulationRateHz);
		writer.updateLatest(TelemetrySlots::subscribe,
				new TelemetrySubscription(subscriptionId, destination, oneDrone ? drone.group(1) : null, rate));
		return null;
	}

}
