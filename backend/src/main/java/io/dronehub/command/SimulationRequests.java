package io.dronehub.command;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Fleet;
import io.dronehub.flight.ResultCode;
import io.dronehub.flight.SimulationLoop;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Runs a request on the simulation thread and turns its outcome into the reply for the
 * sender; a full simulation queue becomes a {@code BUSY} rejection.
 */
@Component
public class SimulationRequests {

	private final SimulationLoop simulation;

	SimulationRequests(SimulationLoop simulation) {
		this.simulation = simulation;
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
		return this.simulation.submit(request)
			.exceptionally(SimulationRequests::busy)
			.thenApply((result) -> CommandReply.of(commandId, droneId, result));
	}

	private static CommandResult busy(Throwable failure) {
		Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
		if (cause instanceof RejectedExecutionException) {
			return CommandResult.rejected(ResultCode.BUSY, "the simulation is busy: try again");
		}
		throw (failure instanceof CompletionException completion) ? completion : new CompletionException(failure);
	}

}
