package io.dronehub.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dronehub.StompTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no users configured the hub creates a pilot named {@code pilot} with a random
 * password, logged once at start-up.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hub.simulation.clock=manual")
class GeneratedPilotIntegrationTests {

	private static final Pattern GENERATED = Pattern.compile("Using generated pilot password: (\\S+)");

	@LocalServerPort
	private int port;

	@Test
	void thePilotLogsInWithThePasswordFromTheLog(CapturedOutput output) throws Exception {
		Matcher matcher = GENERATED.matcher(output.getAll());
		assertThat(matcher.find()).as("the generated password is logged").isTrue();
		String password = matcher.group(1);
		assertThat(password).hasSizeGreaterThanOrEqualTo(16);
		assertThat(matcher.find()).as("logged once").isFalse();
		try (StompTestClient pilot = StompTestClient.connect(this.port, "pilot", password)) {
			assertThat(pilot.user()).isEqualTo("pilot");
		}
		assertThat(StompTestClient.connectExpectingError(this.port, "pilot", "pilot"))
			.isEqualTo("invalid login or passcode");
	}

	@Test
	void theReadyLineGivesTheAddressesAndSaysHowToFly(CapturedOutput output) {
		assertThat(output.getAll())
			.contains("Drone Telemetry Hub ready: dashboard http://localhost:" + this.port
					+ "/watch.html, console http://localhost:" + this.port + "/pilot.html, flights http://localhost:"
					+ this.port + "/flights.html, API http://localhost:" + this.port
					+ "/api.html, STOMP ws://localhost:" + this.port + "/ws")
			.contains("to fly, log in as 'pilot' with the generated password logged above");
	}

}
