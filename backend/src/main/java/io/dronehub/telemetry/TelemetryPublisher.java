package io.dronehub.telemetry;

import java.util.List;

import io.dronehub.flight.DroneState;
import io.dronehub.flight.FleetEvent;
import io.dronehub.flight.FleetListener;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Publishes each tick's states to {@code /topic/telemetry} and
 * {@code /topic/drones/{droneId}/telemetry}, and events to {@code /topic/events}. Each
 * state is serialised once and the same bytes go to both topics. Called on the simulation
 * thread.
 */
public class TelemetryPublisher implements FleetListener {

	/** Every drone's states. */
	public static final String FLEET_TOPIC = "/topic/telemetry";

	/** Audit events. */
	public static final String EVENTS_TOPIC = "/topic/events";

	private final SimpMessagingTemplate messaging;

	private final JsonMapper json;

	/**
	 * Creates a publisher that sends through the broker.
	 * @param messaging the broker's messaging template
	 * @param json serialises states
	 */
	public TelemetryPublisher(SimpMessagingTemplate messaging, JsonMapper json) {
		this.messaging = messaging;
		this.json = json;
	}

	/**
	 * The topic of one drone's states.
	 * @param droneId the drone
	 * @return {@code /topic/drones/{droneId}/telemetry}
	 */
	public static String droneTopic(String droneId) {
		return "/topic/drones/" + droneId + "/telemetry";
	}

	@Override
	public void statesComputed(List<DroneState> states) {
		for (DroneState state : states) {
			byte[] body = this.json.writeValueAsBytes(state);
			this.messaging.send(FLEET_TOPIC, jsonMessage(body));
			this.messaging.send(droneTopic(state.droneId()), jsonMessage(body));
		}
	}

	@Override
	public void eventsOccurred(List<FleetEvent> events) {
		for (FleetEvent event : events) {
			this.messaging.convertAndSend(EVENTS_TOPIC, event);
		}
	}

	private static Message<byte[]> jsonMessage(byte[] body) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
		headers.setLeaveMutable(true);
		return MessageBuilder.createMessage(body, headers.getMessageHeaders());
	}

}
