package io.dronehub.command;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import io.dronehub.control.Pilot;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Fleet;
import io.dronehub.flight.ResultCode;
import io.dronehub.flight.SimulationLoop;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs a request on the simulation thread and turns its outcome into the reply for the
 * sender; a full simulation queue becomes a {@code BUSY} rejection. Counts the outcomes
 * as {@code hub.commands}, tagged {@code result} ({@code accepted} or {@code rejected})
 * and {@code code} (the {@link ResultCode}, {@code none} when accepted), and hands each
 * to the {@link RequestOutcomeListener}s, such as the flight recorder.
 */
@Component
public class SimulationRequests {

	private final SimulationLoop simulation;

	private final Counter accepted;

	private final Map<ResultCode, Counter> rejected = new EnumMap<>(ResultCode.class);

	private final Clock clock;

	private final List<RequestOutcomeListener> listeners;

	SimulationRequests(SimulationLoop simulation, MeterRegistry meters, Clock clock,
			ObjectProvider<RequestOutcomeListener> listeners) {
		this.simulation = simulation;
		this.clock = clock;
		this.listeners = listeners.orderedStream().toList();
		this.accepted = commands(meters, "accepted", "none");
		for (ResultCode code : ResultCode.values()) {
			this.rejected.put(code, commands(meters, "rejected", code.name()));
		}
	}

	/**
	 * Submits a request to the simulation.
	 * @param request the request, whose drone and id the reply echoes
	 * @param pilot who sent it
	 * @param decision decides the outcome on the simulation thread
	 * @return the reply, completed on the simulation thread
	 */
	public CompletableFuture<CommandReply> run(PilotRequest request, Pilot pilot,
			Function<Fleet, CommandResult> decision) {
		return this.simulation.submit((fleet) -> decided(request, pilot, decision.apply(fleet)))
			.exceptionally((failure) -> decided(request, pilot, busy(failure)));
	}

	private CommandReply decided(PilotRequest request, Pilot pilot, CommandResult result) {
		count(result);
		CommandReply reply = CommandReply.of(request.commandId(), request.droneId(), result);
		RequestOutcome outcome = new RequestOutcome(this.clock.millis(), pilot.name(), request, reply);
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
