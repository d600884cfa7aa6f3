package io.dronehub.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.dronehub.command.Command;
import io.dronehub.command.CommandReply;
import io.dronehub.command.ControlRequest;
import io.dronehub.command.MissionRequest;
import io.dronehub.command.PilotRequest;
import io.dronehub.command.RequestForwarder;
import io.dronehub.command.SimulationRequests;
import io.dronehub.control.ControlLeases;
import io.dronehub.control.Pilot;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.ResultCode;
import io.dronehub.flight.SimulationLoop;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Pilots' requests across the nodes of a cluster: a request for a drone that another node
 * simulates goes to that node on {@link ClusterMessage#REQUESTS}, which decides it as if
 * the pilot were connected there and sends the reply back to the pilot's node. A pilot's
 * session is known on other nodes by its id prefixed with its node's id, so that one
 * pilot's control lease holds across the cluster, and a session that closes is announced
 * to every node, which releases whatever that session controlled there. The prompts that
 * a request for control causes go to the {@link ClusterPrompts}.
 * <p>
 * What arrives is handled on the broker link's I/O thread; requests are decided on the
 * simulation thread.
 */
final class ClusterRequests implements RequestForwarder {

	private final String self;

	private final NodeSessions sessions;

	private final ClusterChannel channel;

	private final ClusterMembers members;

	private final ObjectProvider<SimulationRequests> requests;

	private final SimulationLoop simulation;

	private final ControlLeases leases;

	private final ClusterPrompts prompts;

	private final TaskScheduler scheduler;

	private final Duration timeout;

	/** The replies this node waits for, by request id. */
	private final Map<String, CompletableFuture<CommandReply>> pending = new ConcurrentHashMap<>();

	ClusterRequests(ClusterChannel channel, ClusterMembers members, ObjectProvider<SimulationRequests> requests,
			SimulationLoop simulation, ControlLeases leases, ClusterPrompts prompts, TaskScheduler scheduler,
			Duration timeout) {
		this.self = channel.self();
		this.sessions = new NodeSessions(channel.self());
		this.channel = channel;
		this.members = members;
		this.requests = requests;
		this.simulation = simulation;
		this.leases = leases;
		this.prompts = prompts;
		this.scheduler = scheduler;
		this.timeout = timeout;
		channel.subscribe(ClusterMessage.REQUESTS, this::received);
	}

	@Override
	public boolean simulatedElsewhere(String droneId) {
		String node = this.members.simulating(droneId);
		return node != null && !node.equals(this.self);
	}

	@Override
	public CompletableFuture<CommandReply> forward(PilotRequest request, Pilot pilot, boolean admin) {
		String to = this.members.simulating(request.droneId());
		if (to == null || to.equals(this.self)) {
			return CompletableFuture.completedFuture(refused(request, request.droneId() + " is being handed over"));
		}
		String requestId = UUID.randomUUID().toString();
		CompletableFuture<CommandReply> reply = new CompletableFuture<>();
		this.pending.put(requestId, reply);
		ClusterMessage.Request message = new ClusterMessage.Request(this.self, to, requestId,
				(request instanceof Command command) ? command : null,
				(request instanceof ControlRequest control) ? control : null,
				(request instanceof MissionRequest mission) ? mission : null, pilot.name(),
				this.sessions.global(pilot.sessionId()), admin);
		if (!this.channel.publish(ClusterMessage.REQUESTS, message)) {
			answer(requestId, refused(request, "node " + to + ", which simulates " + request.droneId()
					+ ", cannot be reached: the broker is away"));
		}
		else {
			// a REQUEST is answered when the drone's pilot answers it, or times out there
			Duration wait = (request instanceof ControlRequest control
					&& control.action() == ControlRequest.Action.REQUEST) ? this.timeout.plus(control.timeout())
							: this.timeout;
			this.scheduler.schedule(
					() -> answer(requestId,
							refused(request,
									"node " + to + ", which simulates " + request.droneId() + ", did not answer within "
											+ wait.toMillis() + " ms")),
					this.scheduler.getClock().instant().plus(wait));
		}
		return reply;
	}

	/** Tells every node that a session here closed. */
	@EventListener
	void sessionClosed(SessionDisconnectEvent event) {
		send(new ClusterMessage.SessionClosed(this.self, this.sessions.global(event.getSessionId())));
	}

	private void received(ClusterMessage message) {
		if (message instanceof ClusterMessage.Request request && request.to().equals(this.self)) {
			decide(request);
		}
		else if (message instanceof ClusterMessage.Reply reply && reply.to().equals(this.self)) {
			answer(reply.requestId(), reply.reply());
		}
		else if (message instanceof ClusterMessage.Prompt prompt && prompt.to().equals(this.self)) {
			this.prompts.deliver(prompt);
		}
		else if (message instanceof ClusterMessage.SessionClosed closed) {
			this.simulation.submit((fleet) -> this.leases.sessionClosed(fleet, closed.sessionId()));
		}
	}

	private void decide(ClusterMessage.Request request) {
		Pilot pilot = new Pilot(request.pilot(), request.sessionId());
		this.requests.getObject()
			.runHere(request.request(), pilot, request.admin())
			.whenComplete((reply, failure) -> send(
					new ClusterMessage.Reply(this.self, request.node(), request.requestId(), (reply != null) ? reply
							: refused(request.request(), "node " + this.self + " could not decide it"))));
	}

	private void answer(String requestId, CommandReply reply) {
		CompletableFuture<CommandReply> waiting = this.pending.remove(requestId);
		if (waiting != null) {
			waiting.complete(reply);
		}
	}

	private void send(ClusterMessage message) {
		this.channel.publish(ClusterMessage.REQUESTS, message);
	}

	private static CommandReply refused(PilotRequest request, String reason) {
		return CommandReply.of(request.commandId(), request.droneId(),
				CommandResult.rejected(ResultCode.TEMPORARILY_REJECTED, reason + "; try again"));
	}

}
