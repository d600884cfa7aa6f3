package io.dronehub.replay;

import java.nio.charset.StandardCharsets;

import io.dronehub.command.InvalidCommandException;
import io.dronehub.contract.ErrorCode;
import org.junit.jupiter.api.Test;

import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A {@link ReplayRequest} checks its fields when constructed and fills in the defaults of
 * those left out.
 */
class ReplayRequestTests {

	private static final String FLIGHT = "3f2b8c1e-0d4a-4c53-9a57-7e1f0b6d2c90";

	@Test
	void fieldsLeftOutTakeTheirDefaults() {
		Object parsed = new JacksonJsonMessageConverter().fromMessage(MessageBuilder
			.withPayload(("{\"flightId\":\"" + FLIGHT.toUpperCase() + "\"}").getBytes(StandardCharsets.UTF_8))
			.build(), ReplayRequest.class);

		assertThat(parsed).isEqualTo(new ReplayRequest(null, FLIGHT, ReplayAction.PLAY, 1.0, 0L));
	}

	@Test
	void speedsFromAQuarterTo32AndOffsetsFromZeroAreAccepted() {
		assertThat(new ReplayRequest("c", FLIGHT, null, 0.25, 0L).speed()).isEqualTo(0.25);
		assertThat(new ReplayRequest("c", FLIGHT, null, 32.0, null).speed()).isEqualTo(32);
		assertThat(new ReplayRequest("c", FLIGHT, ReplayAction.STOP, null, 0L).action()).isEqualTo(ReplayAction.STOP);
	}

	@Test
	void aFlightIdIsAUuidInItsUsualForm() {
		assertInvalid(() -> new ReplayRequest(null, "1-1-1-1-1", null, null, null), ErrorCode.INVALID_FIELD,
				"flightId must be a UUID such as 3f2b8c1e-0d4a-4c53-9a57-7e1f0b6d2c90, was '1-1-1-1-1'");
		assertInvalid(() -> new ReplayRequest(null, "x".repeat(65), null, null, null), ErrorCode.INVALID_FIELD,
				"flightId must be a UUID such as 3f2b8c1e-0d4a-4c53-9a57-7e1f0b6d2c90");
		assertInvalid(() -> new ReplayRequest(null, " ", null, null, null), ErrorCode.MISSING_FIELD,
				"flightId is required");
	}

	@Test
	void speedsAndOffsetsOutOfRangeAreRefused() {
		assertInvalid(() -> new ReplayRequest(null, FLIGHT, null, 32.5, null), ErrorCode.INVALID_FIELD,
				"speed must be between 0.25 and 32.0, was 32.5");
		assertInvalid(() -> new ReplayRequest(null, FLIGHT, null, Double.NaN, null), ErrorCode.INVALID_FIELD,
				"speed must be a finite number");
		assertInvalid(() -> new ReplayRequest(null, FLIGHT, null, null, -5L), ErrorCode.INVALID_FIELD,
				"offsetMs must be 0 or more, was -5");
	}

	private static void assertInvalid(Runnable construction, ErrorCode code, String message) {
		assertThatExceptionOfType(InvalidCommandException.class).isThrownBy(construction::run)
			.withMessage(message)
			.extracting(InvalidCommandException::code)
			.isEqualTo(code);
	}

}
