package io.dronehub.telemetry;

import java.util.List;

import io.dronehub.flight.DroneState;
import io.dronehub.flight.LatestStates;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The latest drone states over HTTP, for clients that only need to poll.
 */
@RestController
@RequestMapping("/api/drones")
public class DroneRestController {

	private final LatestStates fleet;

	DroneRestController(LatestStates fleet) {
		this.fleet = fleet;
	}

	@GetMapping
	List<DroneState> drones() {
		return this.fleet.latestStates();
	}

	@GetMapping("/{droneId}")
	ResponseEntity<DroneState> drone(@PathVariable String droneId) {
		return ResponseEntity
			.of(this.fleet.latestStates().stream().filter((state) -> state.droneId().equals(droneId)).findFirst());
	}

}
