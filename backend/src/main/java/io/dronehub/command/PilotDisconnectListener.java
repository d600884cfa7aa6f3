package io.dronehub.command;

import io.dronehub.control.ControlLeases;
import io.dronehub.flight.SimulationLoop;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Releases the drones of a STOMP session that closed, for whatever reason, so their
 * link-loss failsafe starts.
 */
@Component
public class PilotDisconnectListener {

	private final SimulationLoop simulation;

	private final ControlLeases leases;

	PilotDisconnectListener(SimulationLoop simulation, ControlLeases leases) {
		this.simulation = simulation;
		this.leases = leases;
	}

	@EventListener
	void sessionClosed(SessionDisconnectEvent event) {
		this.simulation.submit((fleet) -> this.leases.sessionClosed(fleet, event.getSessionId()));
	}

}
