package io.dronehub.telemetry;

import java.util.List;

import io.dronehub.flight.DroneState;
import io.dronehub.flight.SimulationLoop;

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

	private final SimulationLoop simulation;

	DroneRestController(SimulationLoop simulation) {
		this.simulation = simulation;
	}

	@GetMapping
	List<DroneState> drones() {
		return this.simulation.latestStates();
	}

	@GetMapping("/{droneId}")
	ResponseEntity<DroneState> drone(@PathVariable String droneId) {
		return ResponseEntity
			.of(this.simulation.latestStates().stream().filter((state) -> state.droneId().equals(droneId)).findFirst());
	}

}
