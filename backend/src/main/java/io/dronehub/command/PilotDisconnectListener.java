package io.dronehub.command;

import io.dronehub.control.ControlHandovers;
import io.dronehub.control.ControlLeases;
import io.dronehub.flight.SimulationLoop;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Releases the drones of a STOMP session that closed, for whatever reason, so their
 * link-loss failsafe starts, unless a control request that waited for them is granted
 * now; requests the session itself made end.
 */
@Component
public class PilotDisconnectListener {

	private final SimulationLoop simulation;

	private final ControlLeases leases;

	private final ControlHandovers handovers;

	PilotDisconnectListener(SimulationLoop simulation, ControlLeases leases, ControlHandovers handovers) {
		this.simulation = simulation;
		this.leases = leases;
		this.handovers = handovers;
	}

	@EventListener
	void sessionClosed(SessionDisconnectEvent event) {
		this.simulation.submit((fleet) -> {
			this.leases.sessionClosed(fleet, event.getSessionId());
			this.handovers.review(fleet);
			return null;
		});
	}

}
