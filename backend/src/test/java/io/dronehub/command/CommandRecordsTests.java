package io.dronehub.command;

import java.nio.charset.StandardCharsets;

import io.dronehub.contract.ErrorCode;
import io.dronehub.contract.ErrorMessage;
import io.dronehub.flight.Direction;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

/**
 * The command records and {@link ControlRequest} check their fields when constructed,
 * whether by Jackson from a frame or in code, and refuse an invalid one with the error
 * that the sender of the same frame gets on {@code /user/queue/errors}.
 */
class CommandRecordsTests {

	private static final String LONG_ID = "x".repeat(65);

	private final JacksonJsonMessageConverter converter = new JacksonJsonMessageConverter();

	private final InboundErrors errors = new InboundErrors();

	@Test
	void commandsWithoutFieldsNeedADroneIdAndAtMostSixtyFourCharacterIds() {
		rejected(() -> new Arm(null, null), "{\"type\":\"ARM\"}", ErrorCode.MISSING_FIELD, "droneId is required");
		rejected(() -> new Disarm(" ", null), "{\"type\":\"DISARM\",\"droneId\":\" \"}", ErrorCode.MISSING_FIELD,
				"droneId is required");
		rejected(() -> new Land(LONG_ID, null), "{\"type\":\"LAND\",\"droneId\":\"" + LONG_ID + "\"}",
				ErrorCode.INVALID_FIELD, "droneId must be at most 64 characters");
		rejected(() -> new ReturnToLaunch("d1", LONG_ID),
				"{\"type\":\"RTL\",\"droneId\":\"d1\",\"commandId\":\"" + LONG_ID + "\"}", ErrorCode.INVALID_FIELD,
				"commandId must be at most 64 characters");
		rejected(() -> new Hold("", "c-1"), "{\"type\":\"HOLD\",\"droneId\":\"\",\"commandId\":\"c-1\"}",
				ErrorCode.MISSING_FIELD, "droneId is required");
		assertThat(new Hold("d1", null)).isEqualTo(parsed("{\"type\":\"HOLD\",\"droneId\":\"d1\"}", Command.class));
	}

	@Test
	void takeoffNeedsAFiniteAltitude() {
		rejected(() -> new Takeoff("d1", Double.NaN, null),
				"{\"type\":\"TAKEOFF\",\"droneId\":\"d1\",\"altitude\":\"NaN\"}", ErrorCode.INVALID_FIELD,
				"altitude must be a finite number");
		rejected(() -> new Takeoff("d1", Double.POSITIVE_INFINITY, null),
				"{\"type\":\"TAKEOFF\",\"droneId\":\"d1\",\"altitude\":1e999}", ErrorCode.INVALID_FIELD,
				"altitude must be a finite number");
		rejected(() -> new Takeoff("d1", null, null), "{\"type\":\"TAKEOFF\",\"droneId\":\"d1\"}",
				ErrorCode.MISSING_FIELD, "altitude is required");
		rejected(() -> new Takeoff("d1", null, null), "{\"type\":\"TAKEOFF\",\"droneId\":\"d1\",\"altitude\":null}",
				ErrorCode.MISSING_FIELD, "altitude is required");
		rejected(() -> new Takeoff(null, Double.NaN, null), "{\"type\":\"TAKEOFF\",\"altitude\":\"NaN\"}",
				ErrorCode.MISSING_FIELD, "droneId is required");
		assertThat(new Takeoff("d1", 15.0, "c-1")).isEqualTo(parsed(
				"{\"type\":\"TAKEOFF\",\"droneId\":\"d1\",\"altitude\":15,\"commandId\":\"c-1\"}", Command.class));
	}

	@Test
	void gotoNeedsACoordinateOnTheGlobeAndAFiniteAltitude() {
		rejected(() -> new Goto("d1", 91.0, 0.0, 10.0, null),
				"{\"type\":\"GOTO\",\"droneId\":\"d1\",\"lat\":91,\"lon\":0,\"altitude\":10}", ErrorCode.INVALID_FIELD,
				"lat must be between -90.0 and 90.0, was 91.0");
		rejected(() -> new Goto("d1", 0.0, -180.5, 10.0, null),
				"{\"type\":\"GOTO\",\"droneId\":\"d1\",\"lat\":0,\"lon\":-180.5,\"altitude\":10}",
				ErrorCode.INVALID_FIELD, "lon must be between -180.0 and 180.0, was -180.5");
		rejected(() -> new Goto("d1", Double.NaN, 0.0, 10.0, null),
				"{\"type\":\"GOTO\",\"droneId\":\"d1\",\"lat\":\"NaN\",\"lon\":0,\"altitude\":10}",
				ErrorCode.INVALID_FIELD, "lat must be a finite number");
		rejected(() -> new Goto("d1", 0.0, null, 10.0, null),
				"{\"type\":\"GOTO\",\"droneId\":\"d1\",\"lat\":0,\"altitude\":10}", ErrorCode.MISSING_FIELD,
				"lon is required");
		rejected(() -> new Goto("d1", 0.0, 0.0, Double.NEGATIVE_INFINITY, null),
				"{\"type\":\"GOTO\",\"droneId\":\"d1\",\"lat\":0,\"lon\":0,\"altitude\":\"-Infinity\"}",
				ErrorCode.INVALID_FIELD, "altitude must be a finite number");
		rejected(() -> new Goto("d1", null, 200.0, null, null), "{\"type\":\"GOTO\",\"droneId\":\"d1\",\"lon\":200}",
				ErrorCode.MISSING_FIELD, "lat is required");
		assertThat(new Goto("d1", -22.95, -43.21, 20.0, null)).isEqualTo(parsed(
				"{\"type\":\"GOTO\",\"droneId\":\"d1\",\"lat\":-22.95,\"lon\":-43.21,\"altitude\":20}", Command.class));
	}

	@Test
	void nudgeNeedsADirectionAndADistanceFromATenthToAThousandMetres() {
		rejected(() -> new Nudge("d1", null, 10.0, null), "{\"type\":\"NUDGE\",\"droneId\":\"d1\",\"distance\":10}",
				ErrorCode.MISSING_FIELD, "direction is required");
		rejected(() -> new Nudge("d1", Direction.UP, null, null),
				"{\"type\":\"NUDGE\",\"droneId\":\"d1\",\"direction\":\"UP\",\"distance\":null}",
				ErrorCode.MISSING_FIELD, "distance is required");
		rejected(() -> new Nudge("d1", Direction.UP, 0.05, null),
				"{\"type\":\"NUDGE\",\"droneId\":\"d1\",\"direction\":\"UP\",\"distance\":0.05}",
				ErrorCode.INVALID_FIELD, "distance must be between 0.1 and 1000.0, was 0.05");
		rejected(() -> new Nudge("d1", Direction.UP, 1000.5, null),
				"{\"type\":\"NUDGE\",\"droneId\":\"d1\",\"direction\":\"UP\",\"distance\":1000.5}",
				ErrorCode.INVALID_FIELD, "distance must be between 0.1 and 1000.0, was 1000.5");
		rejected(() -> new Nudge("d1", Direction.UP, Double.NaN, null),
				"{\"type\":\"NUDGE\",\"droneId\":\"d1\",\"direction\":\"UP\",\"distance\":\"NaN\"}",
				ErrorCode.INVALID_FIELD, "distance must be a finite number");
		assertThat(new Nudge("d1", Direction.LEFT, 10.0, null)).isEqualTo(parsed(
				"{\"type\":\"NUDGE\",\"droneId\":\"d1\",\"direction\":\"LEFT\",\"distance\":10}", Command.class));
	}

	@Test
	void moveNeedsFourFiniteRates() {
		rejected(() -> new Move("d1", null, 0.0, 0.0, 0.0, null),
				"{\"type\":\"MOVE\",\"droneId\":\"d1\",\"right\":0,\"up\":0,\"yawRate\":0}", ErrorCode.MISSING_FIELD,
				"forward is required");
		rejected(() -> new Move("d1", 0.0, Double.POSITIVE_INFINITY, 0.0, 0.0, null),
				"{\"type\":\"MOVE\",\"droneId\":\"d1\",\"forward\":0,\"right\":1e999,\"up\":0,\"yawRate\":0}",
				ErrorCode.INVALID_FIELD, "right must be a finite number");
		rejected(() -> new Move("d1", 0.0, 0.0, Double.NaN, 0.0, null),
				"{\"type\":\"MOVE\",\"droneId\":\"d1\",\"forward\":0,\"right\":0,\"up\":\"NaN\",\"yawRate\":0}",
				ErrorCode.INVALID_FIELD, "up must be a finite number");
		rejected(() -> new Move("d1", 0.0, 0.0, 0.0, null, null),
				"{\"type\":\"MOVE\",\"droneId\":\"d1\",\"forward\":0,\"right\":0,\"up\":0,\"yawRate\":null}",
				ErrorCode.MISSING_FIELD, "yawRate is required");
		assertThat(new Move("d1", 2.0, -1.0, 0.5, 10.0, null)).isEqualTo(
				parsed("{\"type\":\"MOVE\",\"droneId\":\"d1\",\"forward\":2,\"right\":-1,\"up\":0.5,\"yawRate\":10}",
						Command.class));
	}

	@Test
	void controlRequestsNeedADroneIdAndAnAction() {
		rejected(() -> new ControlRequest("d1", null, null), "{\"droneId\":\"d1\"}", ErrorCode.MISSING_FIELD,
				"action is required");
		rejected(() -> new ControlRequest(null, ControlRequest.Action.ACQUIRE, null), "{\"action\":\"ACQUIRE\"}",
				ErrorCode.MISSING_FIELD, "droneId is required");
		rejected(() -> new ControlRequest("d1", ControlRequest.Action.RELEASE, LONG_ID),
				"{\"droneId\":\"d1\",\"action\":\"RELEASE\",\"commandId\":\"" + LONG_ID + "\"}",
				ErrorCode.INVALID_FIELD, "commandId must be at most 64 characters");
		assertThat(new ControlRequest("d1", ControlRequest.Action.ACQUIRE, "c-1")).isEqualTo(
				parsed("{\"droneId\":\"d1\",\"action\":\"ACQUIRE\",\"commandId\":\"c-1\"}", ControlRequest.class));
	}

	/**
	 * Asserts that constructing a record in code fails as the frame does on the wire:
	 * with the same code and message.
	 */
	private void rejected(ThrowingCallable construct, String frame, ErrorCode code, String message) {
		assertThatExceptionOfType(InvalidCommandException.class).isThrownBy(construct)
			.withMessage(message)
			.satisfies((invalid) -> assertThat(invalid.code()).isEqualTo(code));
		Class<?> target = frame.contains("\"type\"") ? Command.class : ControlRequest.class;
		try {
			parsed(frame, target);
			fail("parsed " + frame);
		}
		catch (RuntimeException ex) {
			assertThat(this.errors.handle(ex)).as(frame).isEqualTo(new ErrorMessage(code, message));
		}
	}

	private Object parsed(String frame, Class<?> target) {
		return this.converter.fromMessage(MessageBuilder.withPayload(frame.getBytes(StandardCharsets.UTF_8)).build(),
				target);
	}

}
