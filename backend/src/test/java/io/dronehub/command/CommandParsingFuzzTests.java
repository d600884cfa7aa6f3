package io.dronehub.command;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.dronehub.contract.ErrorCode;
import io.dronehub.contract.ErrorMessage;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.Fleet;
import io.dronehub.flight.FleetProperties;
import io.dronehub.flight.FlightProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds thousands of seeded random frames — mutations of valid commands and JSON-ish
 * noise — through the converter the hub uses, and checks that each one either becomes a
 * well-formed command that a drone can apply, or becomes an error with a known code and a
 * message. Never an internal error, never an escaped exception.
 */
class CommandParsingFuzzTests {

	private static final long SEED = 20261126L;

	private static final int FRAMES = 5_000;

	private static final List<String> VALID = List.of("{\"droneId\":\"d1\",\"type\":\"ARM\",\"commandId\":\"c-1\"}",
			"{\"droneId\":\"d1\",\"type\":\"DISARM\"}", "{\"droneId\":\"d1\",\"type\":\"TAKEOFF\",\"altitude\":15}",
			"{\"droneId\":\"d1\",\"type\":\"LAND\"}", "{\"droneId\":\"d1\",\"type\":\"RTL\"}",
			"{\"droneId\":\"d1\",\"type\":\"HOLD\"}",
			"{\"droneId\":\"d1\",\"type\":\"GOTO\",\"lat\":-22.95,\"lon\":-43.21,\"altitude\":20}",
			"{\"droneId\":\"d1\",\"type\":\"NUDGE\",\"direction\":\"LEFT\",\"distance\":10}",
			"{\"droneId\":\"d1\",\"type\":\"MOVE\",\"forward\":2,\"right\":-1,\"up\":0.5,\"yawRate\":10}");

	private static final List<String> VALUES = List.of("null", "true", "\"\"", "\"NaN\"", "\"Infinity\"", "-1", "0",
			"1e999", "-1e999", "1e-400", "123456789012345678901234567890", "3.5", "[]", "{}", "[1,{\"a\":[]}]",
			"\"UP\"", "\"up\"", "\"d1\"", "\"" + "x".repeat(80) + "\"", "\"\\u0000\"", "\"\\ud800\"", "-0.0");

	private static final String NOISE = "{}[]\":,0123456789.eE-+ truefalsnulADIMOVEGTKHR\\u\n";

	private final JacksonJsonMessageConverter converter = new JacksonJsonMessageConverter();

	private final InboundErrors errors = new InboundErrors();

	private final Random random = new Random(SEED);

	@Test
	void everyFrameBecomesAValidCommandOrAClearError() {
		Fleet fleet = testFleet();
		int commands = 0;
		for (int i = 0; i < FRAMES; i++) {
			String frame = nextFrame();
			Message<byte[]> message = MessageBuilder.withPayload(frame.getBytes(StandardCharsets.UTF_8)).build();
			Object command;
			try {
				command = this.converter.fromMessage(message, Command.class);
			}
			catch (RuntimeException ex) {
				ErrorMessage error = this.errors.handle(ex);
				assertThat(error.error()).as(frame).isNotEqualTo(ErrorCode.INTERNAL_ERROR);
				assertThat(error.message()).as(frame).isNotBlank();
				continue;
			}
			assertThat(command).as(frame).isInstanceOf(Command.class);
			assertWellFormed((Command) command, frame);
			CommandResult result = ((Command) command).applyTo(fleet.drone("d1"));
			assertThat(result).as(frame).isNotNull();
			commands++;
		}
		assertThat(commands).as("some frames are valid commands").isGreaterThan(FRAMES / 20);
	}

	private void assertWellFormed(Command command, String frame) {
		assertThat(command.droneId()).as(frame).isNotBlank().hasSizeLessThanOrEqualTo(64);
		if (command instanceof Takeoff takeoff) {
			assertThat(takeoff.altitude()).as(frame).isFinite();
		}
		if (command instanceof Goto target) {
			assertThat(target.lat()).as(frame).isBetween(-90.0, 90.0);
			assertThat(target.lon()).as(frame).isBetween(-180.0, 180.0);
			assertThat(target.altitude()).as(frame).isFinite();
		}
		if (command instanceof Nudge nudge) {
			assertThat(nudge.direction()).as(frame).isNotNull();
			assertThat(nudge.distance()).as(frame).isBetween(0.1, 1000.0);
		}
		if (command instanceof Move move) {
			assertThat(List.of(move.forward(), move.right(), move.up(), move.yawRate())).as(frame)
				.allSatisfy((value) -> assertThat(value).isFinite());
		}
	}

	private String nextFrame() {
		String valid = VALID.get(this.random.nextInt(VALID.size()));
		return switch (this.random.nextInt(6)) {
			case 0 -> valid.substring(0, this.random.nextInt(valid.length() + 1));
			case 1 -> replaceValue(valid);
			case 2 -> dropField(valid);
			case 3 -> valid.replace("}", ",\"" + noise(5) + "\":" + pick(VALUES) + "}");
			case 4 -> insertNoise(valid);
			default -> noise(1 + this.random.nextInt(40));
		};
	}

	private String replaceValue(String json) {
		String[] parts = json.split(":", -1);
		int index = 1 + this.random.nextInt(parts.length - 1);
		String rest = parts[index];
		int end = firstOf(rest, ',', '}');
		parts[index] = pick(VALUES) + rest.substring(end);
		return String.join(":", parts);
	}

	private String dropField(String json) {
		String[] fields = json.substring(1, json.length() - 1).split(",");
		StringBuilder kept = new StringBuilder("{");
		int dropped = this.random.nextInt(fields.length);
		for (int i = 0; i < fields.length; i++) {
			if (i != dropped) {
				kept.append((kept.length() > 1) ? "," : "").append(fields[i]);
			}
		}
		return kept.append('}').toString();
	}

	private String insertNoise(String json) {
		int at = this.random.nextInt(json.length());
		return json.substring(0, at) + noise(1 + this.random.nextInt(4)) + json.substring(at);
	}

	private String noise(int length) {
		StringBuilder noise = new StringBuilder();
		for (int i = 0; i < length; i++) {
			noise.append(NOISE.charAt(this.random.nextInt(NOISE.length())));
		}
		return noise.toString();
	}

	private String pick(List<String> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private static int firstOf(String text, char a, char b) {
		int ia = text.indexOf(a);
		int ib = text.indexOf(b);
		if (ia < 0) {
			return (ib < 0) ? text.length() : ib;
		}
		return (ib < 0) ? ia : Math.min(ia, ib);
	}

	private static Fleet testFleet() {
		Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("hub.fleet.size", "1")));
		return new Fleet(binder.bindOrCreate("hub.fleet", FleetProperties.class),
				binder.bindOrCreate("hub.flight", FlightProperties.class), Clock.systemUTC());
	}

}
