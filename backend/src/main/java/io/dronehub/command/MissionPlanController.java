package io.dronehub.command;

import java.util.concurrent.CompletableFuture;

import io.dronehub.flight.Drone;
import io.dronehub.flight.MissionPlan;
import io.dronehub.flight.SimulationLoop;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A drone's uploaded mission over HTTP, for maps that draw its route: read on the
 * simulation thread, which owns it.
 */
@RestController
public class MissionPlanController {

	private final SimulationLoop simulation;

	MissionPlanController(SimulationLoop simulation) {
		this.simulation = simulation;
	}

	@GetMapping("/api/drones/{droneId}/mission")
	CompletableFuture<ResponseEntity<MissionPlan>> mission(@PathVariable String droneId) {
		return this.simulation.submit((fleet) -> {
			Drone drone = fleet.drone(droneId);
			MissionPlan plan = (drone != null) ? drone.missionPlan() : null;
			return (plan != null) ? ResponseEntity.ok(plan) : ResponseEntity.notFound().build();
		});
	}

}
