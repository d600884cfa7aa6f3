package io.dronehub.telemetry;

import java.util.List;

import io.dronehub.flight.DroneState;
import io.dronehub.flight.LatestStates;

import org.springframework.messaging.simp.annotation.SubscribeMapping;
import org.springframework.stereotype.Controller;

/**
 * Answers a SUBSCRIBE to {@code /app/fleet} at once with every drone's latest state, so a
 * late joiner sees the fleet before the next tick.
 */
@Controller
public class FleetSnapshotController {

	private final LatestStates fleet;

	FleetSnapshotController(LatestStates fleet) {
		this.fleet = fleet;
	}

	@SubscribeMapping("/fleet")
	List<DroneState> fleet() {
		return this.fleet.latestStates();
	}

}
