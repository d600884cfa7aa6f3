package io.dronehub.telemetry;

import java.util.List;

import io.dronehub.flight.FleetEvent;

import org.springframework.messaging.simp.annotation.SubscribeMapping;
import org.springframework.stereotype.Controller;

/**
 * Answers a SUBSCRIBE to {@code /app/events} at once with the latest events, oldest
 * first, so a late joiner's event log starts with the recent past.
 */
@Controller
public class RecentEventsController {

	private final RecentEvents events;

	RecentEventsController(RecentEvents events) {
		this.events = events;
	}

	@SubscribeMapping("/events")
	List<FleetEvent> events() {
		return this.events.latest();
	}

}
