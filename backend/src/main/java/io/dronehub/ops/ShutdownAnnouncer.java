package io.dronehub.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.dronehub.flight.EventType;
import io.dronehub.flight.FleetEvent;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.outbound.SessionWriters;
import io.dronehub.telemetry.TelemetryPublisher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.socket.CloseStatus;

/**
 * Shuts the hub down in an orderly way, before Spring stops the broker and the web
 * server: drones flying under a pilot's command hold and the simulation stops, everyone
 * receives a {@code HUB_STOPPING} event as the last thing the hub says, and every session
 * is closed with the reason once what was waiting for it has been written, so clients
 * know to reconnect rather than guess. Pilots' sessions closing then change nothing: the
 * simulation that would release their drones has stopped.
 */
class ShutdownAnnouncer implements ApplicationListener<ContextClosedEvent> {

	private static final Log logger = LogFactory.getLog(ShutdownAnnouncer.class);

	private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(2);

	private static final Duration FLUSH_POLL = Duration.ofMillis(5);

	private static final CloseStatus GOING_AWAY = CloseStatus.GOING_AWAY.withReason("hub shutting down");

	private final SimulationLoop simulation;

	private final SimpMessagingTemplate messaging;

	private final SessionWriters<?> writers;

	private final ThreadPoolTaskExecutor outbound;

	private final Clock clock;

	ShutdownAnnouncer(SimulationLoop simulation, SimpMessagingTemplate messaging, SessionWriters<?> writers,
			ThreadPoolTaskExecutor outbound, Clock clock) {
		this.simulation = simulation;
		this.messaging = messaging;
		this.writers = writers;
		this.outbound = outbound;
		this.clock = clock;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		try {
			this.simulation.submit((fleet) -> {
				fleet.holdAll();
				return null;
			}).get(FLUSH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			logger.warn("Could not make the drones hold before shutting down", ex);
		}
		this.simulation.close();
		this.messaging.convertAndSend(TelemetryPublisher.EVENTS_TOPIC, new FleetEvent(EventType.HUB_STOPPING, null,
				null, this.clock.millis(), "the hub is shutting down: reconnect when it is back"));
		awaitDelivered();
		this.writers.closeAll(GOING_AWAY);
	}

	/**
	 * Waits, for at most {@link #FLUSH_TIMEOUT}, until the event has left the outbound
	 * channel and every session writer has written it: idle on two polls in a row, as
	 * Spring hands a session's next frame to the channel only when the previous one is
	 * done.
	 */
	private void awaitDelivered() {
		long deadline = System.nanoTime() + FLUSH_TIMEOUT.toNanos();
		int idlePolls = 0;
		while (idlePolls < 2 && System.nanoTime() < deadline) {
			LockSupport.parkNanos(FLUSH_POLL.toNanos());
			boolean idle = this.outbound.getActiveCount() == 0 && this.outbound.getQueueSize() == 0
					&& this.writers.idle();
			idlePolls = idle ? idlePolls + 1 : 0;
		}
	}

}
