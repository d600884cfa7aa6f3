package io.dronehub.ops;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

import io.dronehub.flight.SimulationLoop;
import io.dronehub.flight.SimulationProperties;
import io.dronehub.flight.TickObserver;
import io.dronehub.security.ClientSessions;
import io.dronehub.contract.Role;
import io.dronehub.security.SecurityProperties;
import io.dronehub.security.Subscribable;
import io.dronehub.outbound.DeliveryObserver;
import io.dronehub.outbound.SessionWriters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.ExecutorSubscribableChannel;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.socket.config.WebSocketMessageBrokerStats;
import org.springframework.web.socket.messaging.StompSubProtocolHandler;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;

/**
 * The simulator's health contributor ({@code simulation}) and the {@code hub.*} meters
 * read from the simulation, the session writers, the client sessions and Spring's
 * WebSocket message broker stats.
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

	@Bean
	BrokerHealthIndicator brokerHealthIndicator() {
		return new BrokerHealthIndicator();
	}

	@Bean
	ReadyLine readyLine(SecurityProperties security) {
		return new ReadyLine(security);
	}

	@Bean
	ShutdownAnnouncer shutdownAnnouncer(SimulationLoop simulation, SimpMessagingTemplate messaging,
			SessionWriters<?> writers, @Qualifier("clientOutboundChannel") ExecutorSubscribableChannel outbound,
			Clock clock) {
		return new ShutdownAnnouncer(simulation, messaging, writers, (ThreadPoolTaskExecutor) outbound.getExecutor(),
				clock);
	}

	/**
	 * The simulator's health, judged on Micrometer's clock, which tests can replace with
	 * one they move by hand.
	 */
	@Bean
	SimulationHealthIndicator simulationHealthIndicator(SimulationLoop simulation, SimulationProperties settings,
			io.micrometer.core.instrument.Clock micrometerClock) {
		return new SimulationHealthIndicator(simulation, settings, micrometerClock::monotonicTime);
	}

	@Bean
	TickObserver tickTimer(MeterRegistry meters) {
		Timer ticks = Timer.builder("hub.simulation.tick.duration")
			.description("Time a simulation tick takes to step the fleet and hand out its states and events")
			.publishPercentiles(0.5, 0.99)
			.register(meters);
		return (durationNanos) -> ticks.record(durationNanos, TimeUnit.NANOSECONDS);
	}

	@Bean
	PublishedStatesCounter publishedStatesCounter(MeterRegistry meters) {
		return new PublishedStatesCounter(meters);
	}

	@Bean
	DeliveryObserver deliveryMeters(MeterRegistry meters) {
		return new DeliveryMeters(meters);
	}

	@Bean
	MeterBinder clientMeters(ClientSessions sessions) {
		return (meters) -> {
			for (Role role : Role.values()) {
				Gauge.builder("hub.sessions.connected", sessions, (clients) -> clients.connected(role))
					.description("STOMP sessions connected, by the highest role of their user (OBSERVER for guests)")
					.tag("role", role.name())
					.register(meters);
			}
			for (Subscribable destination : Subscribable.values()) {
				Gauge.builder("hub.subscriptions", sessions, (clients) -> clients.subscriptions(destination))
					.description("Active subscriptions, by destination")
					.tag("destination", destination.pattern())
					.register(meters);
			}
			for (ClientSessions.Limit limit : ClientSessions.Limit.values()) {
				FunctionCounter.builder(DeliveryMeters.SESSIONS_CLOSED, sessions, (clients) -> clients.closedFor(limit))
					.description(DeliveryMeters.SESSIONS_CLOSED_DESCRIPTION)
					.tag("reason", DeliveryMeters.tagValue(limit))
					.register(meters);
			}
		};
	}

	@Bean
	MeterBinder simulationMeters(SimulationLoop simulation) {
		return (meters) -> {
			FunctionCounter.builder("hub.simulation.ticks", simulation, SimulationLoop::ticks)
				.description("Simulation ticks run")
				.register(meters);
			FunctionCounter.builder("hub.simulation.overruns", simulation, SimulationLoop::overruns)
				.description("Simulation ticks that took longer than the tick period")
				.register(meters);
			FunctionCounter.builder("hub.simulation.skipped", simulation, SimulationLoop::skipped)
				.description("Simulation ticks skipped because the simulation thread was a tick period or more late")
				.register(meters);
		};
	}

	@Bean
	MeterBinder telemetryMeters(SessionWriters<?> writers) {
		return (meters) -> {
			Gauge.builder("hub.sessions", writers, SessionWriters::sessions)
				.description("Open WebSocket (STOMP) sessions")
				.register(meters);
			FunctionCounter.builder("hub.telemetry.conflated", writers, SessionWriters::conflated)
				.description("Telemetry frames replaced by newer ones before a slow session could be sent them")
				.register(meters);
		};
	}

	/**
	 * Spring's broker statistics, which it otherwise only logs every 30 minutes. The
	 * session and frame totals only grow, so they are counters; the open sessions are a
	 * gauge.
	 */
	@Bean
	MeterBinder brokerMeters(WebSocketMessageBrokerStats webSocketMessageBrokerStats) {
		return (meters) -> {
			Gauge
				.builder("hub.websocket.sessions.current", webSocketMessageBrokerStats,
						sessions(SubProtocolWebSocketHandler.Stats::getWebSocketSessions))
				.description("WebSocket sessions open, as counted by Spring's STOMP handler")
				.register(meters);
			FunctionCounter
				.builder("hub.websocket.sessions.opened", webSocketMessageBrokerStats,
						sessions(SubProtocolWebSocketHandler.Stats::getTotalSessions))
				.description("WebSocket sessions opened since start-up")
				.register(meters);
			Map<String, ToIntFunction<SubProtocolWebSocketHandler.Stats>> closed = Map.of("limit_exceeded",
					SubProtocolWebSocketHandler.Stats::getLimitExceededSessions, "no_messages_received",
					SubProtocolWebSocketHandler.Stats::getNoMessagesReceivedSessions, "transport_error",
					SubProtocolWebSocketHandler.Stats::getTransportErrorSessions);
			closed.forEach((reason, stat) -> FunctionCounter
				.builder("hub.websocket.sessions.closed", webSocketMessageBrokerStats, sessions(stat))
				.description("WebSocket sessions closed abnormally, by reason")
				.tag("reason", reason)
				.register(meters));
			Map<String, ToIntFunction<StompSubProtocolHandler.Stats>> frames = Map.of("CONNECT",
					StompSubProtocolHandler.Stats::getTotalConnect, "CONNECTED",
					StompSubProtocolHandler.Stats::getTotalConnected, "DISCONNECT",
					StompSubProtocolHandler.Stats::getTotalDisconnect);
			frames.forEach((command, stat) -> FunctionCounter
				.builder("hub.stomp.frames", webSocketMessageBrokerStats, stomp(stat))
				.description("STOMP CONNECT, CONNECTED and DISCONNECT frames handled, by command")
				.tag("command", command)
				.register(meters));
		};
	}

	private static ToDoubleFunction<WebSocketMessageBrokerStats> sessions(
			ToIntFunction<SubProtocolWebSocketHandler.Stats> stat) {
		return (stats) -> {
			SubProtocolWebSocketHandler.Stats sessions = stats.getWebSocketSessionStats();
			return (sessions != null) ? stat.applyAsInt(sessions) : Double.NaN;
		};
	}

	private static ToDoubleFunction<WebSocketMessageBrokerStats> stomp(
			ToIntFunction<StompSubProtocolHandler.Stats> stat) {
		return (stats) -> {
			StompSubProtocolHandler.Stats frames = stats.getStompSubProtocolStats();
			return (frames != null) ? stat.applyAsInt(frames) : Double.NaN;
		};
	}

}
