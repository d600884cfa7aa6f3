package io.dronehub.telemetry;

import java.util.List;

import io.dronehub.contract.Publishes;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.FleetEvent;
import io.dronehub.flight.FleetListener;

import org.springframework.messaging.simp.SimpMessagingTemplate;

/**
 * Publishes each tick's states to {@code /topic/telemetry} and
 * {@code /topic/drones/{droneId}/telemetry} through the {@link TelemetryFanout}, and
 * events to {@code /topic/events} through the broker, where they are never conflated.
 * Called on the simulation thread.
 */
@Publishes(destination = TelemetryPublisher.FLEET_TOPIC, payload = DroneState.class,
		description = "Every drone's state, one message per drone per tick; per drone in seq order. "
				+ TelemetryPublisher.RATE_NOTE)
@Publishes(destination = TelemetryPublisher.DRONE_TOPIC, payload = DroneState.class,
		description = "One drone's states, one message per tick, in seq order. " + TelemetryPublisher.RATE_NOTE)
@Publishes(destination = TelemetryPublisher.EVENTS_TOPIC, payload = FleetEvent.class,
		description = "Audit events: control and mode changes, failsafes, refused commands, shutdown.")
public class TelemetryPublisher implements FleetListener {

	/** Every drone's states. */
	public static final String FLEET_TOPIC = "/topic/telemetry";

	/** One drone's states: {@code {droneId}} stands for the drone's id. */
	public static final String DRONE_TOPIC = "/topic/drones/{droneId}/telemetry";

	/** Audit events. */
	public static final String EVENTS_TOPIC = "/topic/events";

	/** How a subscriber asks for fewer states, in the API document. */
	static final String RATE_NOTE = "A SUBSCRIBE header rate-hz (0.1 to the simulation's rate, hub.simulation.rate-hz) "
			+ "caps the states per drone per second, evenly spaced and the newest each time; each message then has a "
			+ "header skipped: how many states of its drone the rate left out since the previous one. A rate outside "
			+ "that range is refused on /user/queue/errors (INVALID_FIELD).";

	private final TelemetryFanout fanout;

	private final SimpMessagingTemplate messaging;

	TelemetryPublisher(TelemetryFanout fanout, SimpMessagingTemplate messaging) {
		this.fanout = fanout;
		this.messaging = messaging;
	}

	@Override
	public void statesComputed(List<DroneState> states) {
		this.fanout.publish(states);
	}

	@Override
	public void eventsOccurred(List<FleetEvent> events) {
		for (FleetEvent event : events) {
			this.messaging.convertAndSend(EVENTS_TOPIC, event);
		}
	}

}
