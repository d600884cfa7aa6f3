package io.dronehub.command;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Fleet;
import io.dronehub.flight.ResultCode;
import io.dronehub.flight.SimulationLoop;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Runs a request on the simulation thread and turns its outcome into the reply for the
 * sender; a full simulation queue becomes a {@code BUSY} rejection. Counts the outcomes
 * as {@code hub.commands}, tagged {@code result} ({@code accepted} or {@code rejected})
 * and {@code code} (the {@link ResultCode}, {@code none} when accepted).
 */
@Component
public class SimulationRequests {

	private final SimulationLoop simulation;

	private final Counter accepted;

	private final Map<ResultCode, Counter> rejected = new EnumMap<>(ResultCode.class);

	SimulationRequests(SimulationLoop simulation, MeterRegistry meters) {
		this.simulation = simulation;
		this.accepted = commands(meters, "accepted", "none");
		for (ResultCode code : ResultCode.values()) {
			this.rejected.put(code, commands(meters, "rejected", code.name()));
		}
	}

	/**
	 * Submits a request to the simulation.
	 * @param droneId the drone concerned, echoed in the reply
	 * @param commandId the sender's id, echoed in the reply
	 * @param request decides the outcome on the simulation thread
	 * @return the reply, completed on the simulation thread
	 */
	public CompletableFuture<CommandReply> run(String droneId, @Nullable String commandId,
			Function<Fleet, CommandResult> request) {
		return this.simulation.submit(request).exceptionally(SimulationRequests::busy).thenApply((result) -> {
			count(result);
			return CommandReply.of(commandId, droneId, result);
		});
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
