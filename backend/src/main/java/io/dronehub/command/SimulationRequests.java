package io.dronehub.command;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;

import io.dronehub.control.Pilot;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Fleet;
import io.dronehub.flight.ResultCode;
import io.dronehub.flight.SimulationLoop;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs a request on the simulation thread and turns its outcome into the reply for the
 * sender; a full simulation queue becomes a {@code BUSY} rejection. On a node of a
 * cluster, a request for a drone that another node simulates goes to that node through
 * the {@link RequestForwarder}, which decides and counts it there. Counts the outcomes as
 * {@code hub.commands}, tagged {@code result} ({@code accepted} or {@code rejected}) and
 * {@code code} (the {@link ResultCode}, {@code none} when accepted), and hands each to
 * the {@link RequestOutcomeListener}s, such as the flight recorder.
 */
@Component
public class SimulationRequests {

	private final SimulationLoop simulation;

	private final Counter accepted;

	private final Map<ResultCode, Counter> rejected = new EnumMap<>(ResultCode.class);

	private final Clock clock;

	private final List<RequestOutcomeListener> listeners;

	private final RequestDecisions decisions;

	private final @Nullable RequestForwarder forwarder;

	SimulationRequests(SimulationLoop simulation, RequestDecisions decisions, MeterRegistry meters, Clock clock,
			ObjectProvider<RequestOutcomeListener> listeners, ObjectProvider<RequestForwarder> forwarder) {
		this.simulation = simulation;
		this.decisions = decisions;
		this.clock = clock;
		this.listeners = listeners.orderedStream().toList();
		this.forwarder = forwarder.getIfAvailable();
		this.accepted = commands(meters, "accepted", "none");
		for (ResultCode code : ResultCode.values()) {
			this.rejected.put(code, commands(meters, "rejected", code.name()));
		}
	}

	/**
	 * Submits a request to the simulation, or to the node that simulates its drone.
	 * @param request the request, whose drone and id the reply echoes
	 * @param pilot who sent it
	 * @param admin whether the sender has the ADMIN role
	 * @return the reply
	 */
	public CompletableFuture<CommandReply> run(PilotRequest request, Pilot pilot, boolean admin) {
		RequestForwarder remote = this.forwarder;
		if (remote == null) {
			return runHere(request, pilot, admin);
		}
		return decide(request, pilot, admin,
				(fleet) -> fleet.drone(request.droneId()) == null && remote.simulatedElsewhere(request.droneId()))
			.thenCompose((reply) -> (reply != null) ? CompletableFuture.completedFuture(reply)
					: remote.forward(request, pilot, admin));
	}

	/**
	 * Submits a request to this node's simulation, never to another node's: for a request
	 * another node forwarded here.
	 * @param request the request, whose drone and id the reply echoes
	 * @param pilot who sent it
	 * @param admin whether the sender has the ADMIN role
	 * @return the reply, completed on the simulation thread
	 */
	public CompletableFuture<CommandReply> runHere(PilotRequest request, Pilot pilot, boolean admin) {
		return decide(request, pilot, admin, (fleet) -> false);
	}

	/**
	 * Decides on the simulation thread, unless {@code elsewhere}: then the reply is null.
	 */
	private CompletableFuture<@Nullable CommandReply> decide(PilotRequest request, Pilot pilot, boolean admin,
			Predicate<Fleet> elsewhere) {
		return this.simulation.<@Nullable CompletableFuture<CommandReply>>submit((fleet) -> {
			if (elsewhere.test(fleet)) {
				return null;
			}
			// read before deciding, so that the request is never later than the events it
			// causes; a request that waits for another pilot's answer is decided later
			long decidedAt = this.clock.millis();
			CompletableFuture<CommandResult> result = this.decisions.decide(fleet, request, pilot, admin);
			boolean atOnce = result.isDone();
			return result
				.thenApply((outcome) -> decided(request, pilot, outcome, atOnce ? decidedAt : this.clock.millis()));
		})
			.exceptionally((failure) -> CompletableFuture
				.completedFuture(decided(request, pilot, busy(failure), this.clock.millis())))
			.thenCompose((reply) -> (reply != null) ? reply : CompletableFuture.completedFuture(null));
	}

	private CommandReply decided(PilotRequest request, Pilot pilot, CommandResult result, long decidedAt) {
		count(result);
		CommandReply reply = CommandReply.of(request.commandId(), request.droneId(), result);
		RequestOutcome outcome = new RequestOutcome(decidedAt, pilot.name(), pilot.sessionId(), request, reply);
		for (RequestOutcomeListener listener : this.listeners) {
			listener.requestDecided(outcome);
		}
		return reply;
	}

	private void count(CommandResult result) {
		ResultCode code = result.code();
		Counter counter = (result.accepted() || code == null) ? this.accepted : this.rejected.get(code);
		counter.increment();
	}

	private static Counter commands(MeterRegistry meters, String result, String code) {
		return Counter.builder("hub.commands")
			.description("Commands and control requests that reached the simulation, by outcome")
			.tag("result", result)
			.tag("code", code)
			.register(meters);
	}

	private static CommandResult busy(Throwable failure) {
		Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
		if (cause instanceof RejectedExecutionException) {
			return CommandResult.rejected(ResultCode.BUSY, "the simulation is busy: try again");
		}
		throw (failure instanceof CompletionException completion) ? completion : new CompletionException(failure);
	}

}
