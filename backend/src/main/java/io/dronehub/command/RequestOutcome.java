package io.dronehub.command;

/**
 * A command, control or mission request and the reply its sender got.
 *
 * @param timestamp when it was decided, epoch milliseconds
 * @param pilot the name of the sender
 * @param sessionId the sender's STOMP session
 * @param request what was asked
 * @param reply the outcome, as sent to the sender
 */
public record RequestOutcome(long timestamp, String pilot, String sessionId, PilotRequest request, CommandReply reply) {

	/**
	 * The request's name: the command type of a command (e.g. {@code TAKEOFF}), the
	 * action of a control or mission request (e.g. {@code ACQUIRE}, {@code UPLOAD}).
	 * @return the wire name
	 */
	public String name() {
		if (this.request instanceof Command command) {
			return CommandTypes.nameOf(command);
		}
		return (this.request instanceof MissionRequest mission) ? String.valueOf(mission.action())
				: ((ControlRequest) this.request).action().name();
	}

	/**
	 * The outcome in words, e.g. {@code TAKEOFF from alice: accepted}.
	 * @return one line
	 */
	public String summary() {
		String outcome = (this.reply.status() == CommandReply.Status.ACCEPTED) ? "accepted"
				: "rejected (" + this.reply.code() + "): " + this.reply.reason();
		return name() + " from " + this.pilot + ": " + outcome;
	}

}
