package io.dronehub.command;

import java.util.List;

import io.dronehub.control.ControlHandovers;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.FleetEvent;
import io.dronehub.flight.FleetListener;
import io.dronehub.flight.SimulationLoop;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reviews the control requests that wait once per tick while any does, so that one whose
 * pilot does not answer times out on the simulation's clock.
 */
@Component
class HandoverTimer implements FleetListener {

	private final ControlHandovers handovers;

	private final ObjectProvider<SimulationLoop> simulation;

	HandoverTimer(ControlHandovers handovers, ObjectProvider<SimulationLoop> simulation) {
		this.handovers = handovers;
		this.simulation = simulation;
	}

	@Override
	public void statesComputed(List<DroneState> states) {
		SimulationLoop loop = this.simulation.getIfAvailable();
		if (loop != null && this.handovers.anyWaiting()) {
			loop.submit((fleet) -> {
				this.handovers.review(fleet);
				return null;
			});
		}
	}

	@Override
	public void eventsOccurred(List<FleetEvent> events) {
	}

}
