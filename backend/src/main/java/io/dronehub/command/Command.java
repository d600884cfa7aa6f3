package io.dronehub.command;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Drone;
import org.jspecify.annotations.Nullable;

/**
 * A pilot command sent to {@code /app/command}; the JSON {@code type} field names the
 * record. Each type applies itself to its drone, so a new type cannot be added without
 * saying what it does. Each record checks its fields when constructed (see
 * {@link Fields}) and throws {@link InvalidCommandException} if one is missing or
 * invalid.
 */
@JsonClassDescription("A command for a drone your session controls; the type field names the command.")
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = Arm.class, name = "ARM"),
		@JsonSubTypes.Type(value = Disarm.class, name = "DISARM"),
		@JsonSubTypes.Type(value = Takeoff.class, name = "TAKEOFF"),
		@JsonSubTypes.Type(value = Land.class, name = "LAND"),
		@JsonSubTypes.Type(value = ReturnToLaunch.class, name = "RTL"),
		@JsonSubTypes.Type(value = Hold.class, name = "HOLD"), @JsonSubTypes.Type(value = Goto.class, name = "GOTO"),
		@JsonSubTypes.Type(value = Nudge.class, name = "NUDGE"),
		@JsonSubTypes.Type(value = Move.class, name = "MOVE") })
public sealed interface Command extends PilotRequest
		permits Arm, Disarm, Takeoff, Land, ReturnToLaunch, Hold, Goto, Nudge, Move {

	/**
	 * The drone the command is for.
	 * @return e.g. {@code d1}
	 */
	@Override
	@JsonPropertyDescription("the drone, e.g. d1")
	String droneId();

	/**
	 * The sender's id for this command, echoed in the reply.
	 * @return the id, or {@code null} if the sender gave none
	 */
	@Override
	@JsonPropertyDescription("your id for this command (at most 64 characters), echoed in the reply")
	@Nullable String commandId();

	/**
	 * Applies this command to its drone, on the simulation thread.
	 * @param drone the drone named by {@link #droneId()}
	 * @return the outcome
	 */
	CommandResult applyTo(Drone drone);

}
