package io.dronehub.command;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.dronehub.contract.ErrorCode;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Drone;
import io.dronehub.flight.MissionFinish;
import io.dronehub.flight.MissionItem;
import org.jspecify.annotations.Nullable;

/**
 * A request sent to {@code /app/mission} by the pilot in control: upload a mission, or
 * start, pause, resume or clear it. Throws {@link InvalidCommandException} when
 * constructed with a missing or invalid field; the waypoints themselves are checked by
 * the drone, which names the first it refuses. After construction {@code action} is never
 * {@code null}, nor, for an upload, {@code missionId}, {@code items} and {@code finish}.
 */
@JsonClassDescription("Uploads a mission for a drone you control (the waypoints are checked as a whole, and a "
		+ "refusal names the first item refused), or starts, pauses, resumes or clears it.")
public record MissionRequest(@JsonPropertyDescription("the drone, e.g. d1") String droneId,
		@JsonPropertyDescription("UPLOAD (the default), START (from the first waypoint; from the ground the drone arms "
				+ "if it must and climbs first), PAUSE (hold where it stops), RESUME (go on from the current "
				+ "waypoint) or CLEAR") @Nullable Action action,
		@JsonPropertyDescription("UPLOAD only: your id for the mission (at most 64 characters), shown in telemetry") @Nullable String missionId,
		@JsonPropertyDescription("UPLOAD only: the waypoints in order, 1 to 100") @Nullable List<@Nullable MissionItem> items,
		@JsonPropertyDescription("UPLOAD only: what the drone does after the last waypoint: HOLD (the default), RTL "
				+ "or LAND") @Nullable MissionFinish finish,
		@JsonPropertyDescription("your id for this request (at most 64 characters), echoed in the reply") @Nullable String commandId)
		implements
			PilotRequest {

	/** The most waypoints a mission may have. */
	public static final int MAX_ITEMS = 100;

	public MissionRequest {
		droneId = Fields.droneId(droneId);
		action = (action != null) ? action : Action.UPLOAD;
		commandId = Fields.commandId(commandId);
		if (action == Action.UPLOAD) {
			missionId = Fields.id("missionId", missionId);
			items = Fields.required("items", items);
			if (items.isEmpty() || items.size() > MAX_ITEMS) {
				throw new InvalidCommandException(ErrorCode.INVALID_FIELD,
						"items must hold 1 to " + MAX_ITEMS + " waypoints, had " + items.size());
			}
			finish = (finish != null) ? finish : MissionFinish.HOLD;
		}
	}

	/**
	 * Carries out the request on its drone, on the simulation thread.
	 * @param drone the drone named by {@link #droneId()}
	 * @return the outcome
	 */
	CommandResult applyTo(Drone drone) {
		return switch (Objects.requireNonNull(this.action)) {
			case UPLOAD -> drone.uploadMission(Objects.requireNonNull(this.missionId),
					Objects.requireNonNull(this.items), Objects.requireNonNull(this.finish));
			case START -> drone.startMission();
			case PAUSE -> drone.pauseMission();
			case RESUME -> drone.resumeMission();
			case CLEAR -> drone.clearMission();
		};
	}

	/**
	 * What the sender wants done with the drone's mission.
	 */
	public enum Action {

		/** Keep these waypoints as the drone's mission. */
		UPLOAD,
		/** Fly the mission from its first waypoint. */
		START,
		/** Interrupt the mission being flown; the drone holds. */
		PAUSE,
		/** Go on with a paused mission from its current waypoint. */
		RESUME,
		/** Forget the mission; a drone flying it holds. */
		CLEAR

	}

}
