package io.dronehub.recorder;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.dronehub.command.Command;
import io.dronehub.command.MissionRequest;
import io.dronehub.command.CommandReply;
import io.dronehub.command.RequestOutcome;
import io.dronehub.contract.Unit;
import io.dronehub.flight.EventType;
import io.dronehub.flight.FleetEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One line of a recorded flight's log: an event as published on {@code /topic/events}, or
 * a command, control or mission request with the reply its sender got.
 */
@JsonClassDescription("One line of a recorded flight's log: an event, or a command, control or mission request and "
		+ "its reply.")
public record FlightLogEntry(@JsonPropertyDescription("EVENT, COMMAND, CONTROL or MISSION") Kind kind,
		@JsonPropertyDescription("when it happened or was decided, epoch milliseconds") @Unit("ms") long timestamp,
		@JsonPropertyDescription("the drone") String droneId,
		@JsonPropertyDescription("the event's pilot, or the request's sender; null for an event with none") @Nullable String pilot,
		@JsonPropertyDescription("the event type (e.g. MODE_CHANGED), command type (e.g. TAKEOFF), or control "
				+ "or mission action (e.g. ACQUIRE, UPLOAD)") String type,
		@JsonPropertyDescription("what happened, in words") String detail,
		@JsonPropertyDescription("the request as the hub read it; null for an event") @Nullable JsonNode request,
		@JsonPropertyDescription("the reply its sender got on /user/queue/replies; null for an event") @Nullable CommandReply reply) {

	static FlightLogEntry of(FleetEvent event, String droneId) {
		return new FlightLogEntry(Kind.EVENT, event.timestamp(), droneId, event.pilot(), event.type().name(),
				event.detail(), null, null);
	}

	static FlightLogEntry of(RequestOutcome outcome, JsonMapper json) {
		Kind kind = (outcome.request() instanceof Command) ? Kind.COMMAND
				: (outcome.request() instanceof MissionRequest) ? Kind.MISSION : Kind.CONTROL;
		return new FlightLogEntry(kind, outcome.timestamp(), outcome.request().droneId(), outcome.pilot(),
				outcome.name(), outcome.summary(), json.valueToTree(outcome.request()), outcome.reply());
	}

	/**
	 * The event this entry records.
	 * @return the event, or {@code null} for a command or control request
	 */
	@Nullable FleetEvent event() {
		return (this.kind == Kind.EVENT)
				? new FleetEvent(EventType.valueOf(this.type), this.droneId, this.pilot, this.timestamp, this.detail)
				: null;
	}

	/**
	 * What a log entry records.
	 */
	public enum Kind {

		/** An event, as published on {@code /topic/events}. */
		EVENT,
		/** A command sent to {@code /app/command}. */
		COMMAND,
		/** A control request sent to {@code /app/control}. */
		CONTROL,
		/** A mission request sent to {@code /app/mission}. */
		MISSION

	}

}
