package io.dronehub.foxglove;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.dronehub.HubHarness;
import io.dronehub.StompTestClient;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.outbound.SessionWriters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Foxglove WebSocket protocol's own client, {@code @foxglove/ws-protocol}'s
 * {@code FoxgloveClient} (the class Lichtblick uses), run by Node against a live hub on
 * the manual clock (see {@code src/test/foxglove/client.mjs}): it connects with each
 * subprotocol name, gets the server's info and the channels, whose schemas parse,
 * subscribes to a drone's telemetry and location and receives them decoded, with no
 * {@code seq} gap, while a pilot flies over STOMP; once it unsubscribes it receives no
 * more. A context of its own (six drones), so that the drone it flies is no other test's.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.fleet.size=6" })
@ActiveProfiles("it")
class FoxgloveClientIntegrationTests {

	private static final Path CLIENT = Path.of("src", "test", "foxglove");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	private final HubHarness hub;

	private final List<Process> processes = new ArrayList<>();

	FoxgloveClientIntegrationTests(@LocalServerPort int port, @Autowired SimulationLoop simulation,
			@Autowired SessionWriters<?> writers) {
		this.port = port;
		this.hub = new HubHarness(port, simulation, writers);
	}

	@AfterEach
	void stop() {
		this.processes.forEach(Process::destroyForcibly);
		this.hub.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "foxglove.websocket.v1", "foxglove.sdk.v1" })
	void theFoxgloveClientSeesADroneFlyAndStopsWhenItUnsubscribes(String subprotocol) throws Exception {
		this.hub.advance(1);
		BlockingQueue<JsonNode> printed = new LinkedBlockingQueue<>();
		Writer commands = start(printed, subprotocol);
		assertThat(next(printed, "open").get("protocol").asString()).isEqualTo(subprotocol);
		JsonNode info = next(printed, "serverInfo");
		assertThat(info.get("name").asString()).isEqualTo("Drone Telemetry Hub");
		assertThat(info.get("sessionId").asString()).isNotBlank();
		assertThat(info.get("capabilities").toString()).isEqualTo("[\"time\"]");
		JsonNode advertised = next(printed, "advertise");
		assertThat(advertised.get("schemasParse").asBoolean()).isTrue();
		assertThat(advertised.get("topics").toString()).contains("\"/events\"", "\"/drones/d6/telemetry\"",
				"\"/drones/d6/location\"", "\"/drones/d3/location\"");
		assertThat(advertised.get("schemaNames").toString()).contains("foxglove.LocationFix", "dronehub.DroneState");
		next(printed, "subscribed");
		next(printed, "subscribed");

		StompTestClient pilot = this.hub.connect("alice");
		BlockingQueue<JsonNode> replies = pilot.subscribeReplies();
		pilot.request(replies, "/app/control", "{\"droneId\":\"d6\",\"action\":\"ACQUIRE\",\"commandId\":\"f-1\"}",
				"f-1");
		pilot.request(replies, "/app/command", "{\"droneId\":\"d6\",\"type\":\"ARM\",\"commandId\":\"f-2\"}", "f-2");
		pilot.request(replies, "/app/command",
				"{\"droneId\":\"d6\",\"type\":\"TAKEOFF\",\"altitude\":8,\"commandId\":\"f-3\"}", "f-3");
		List<JsonNode> telemetry = new ArrayList<>();
		List<JsonNode> locations = new ArrayList<>();
		for (int tick = 0; tick < 40; tick++) {
			this.hub.advance(1);
			long seq = this.hub.latest("d6").seq();
			JsonNode state;
			do {
				state = next(printed, "message");
				(state.get("topic").asString().endsWith("/telemetry") ? telemetry : locations).add(state);
			}
			while (!(state.get("topic").asString().endsWith("/location") && locations.size() == telemetry.size()
					&& telemetry.get(telemetry.size() - 1).get("seq").asLong() >= seq));
		}
		for (int i = 1; i < telemetry.size(); i++) {
			assertThat(telemetry.get(i).get("seq").asLong()).as("no gap")
				.isEqualTo(telemetry.get(i - 1).get("seq").asLong() + 1);
		}
		JsonNode last = telemetry.get(telemetry.size() - 1);
		assertThat(last.get("pilot").asString()).isEqualTo("alice");
		assertThat(last.get("alt").asDouble()).isPositive();
		assertThat(last.get("timestamp").asString())
			.isEqualTo(Long.toString(this.hub.latest("d6").timestamp() * 1_000_000L));
		assertThat(locations.get(locations.size() - 1).get("altitude").asDouble())
			.isEqualTo(last.get("alt").asDouble());

		commands.write("unsubscribe\n");
		commands.flush();
		next(printed, "unsubscribed");
		assertThat(next(printed, "status").get("message").asString()).as("taken after the unsubscribe")
			.startsWith("unsupported op barrier");
		this.hub.advance(5);
		String newest = Long.toString(this.hub.latest("d6").timestamp() * 1_000_000L);
		JsonNode after;
		do {
			after = next(printed, (line) -> true);
			assertThat(after.get("event").asString()).as("after unsubscribing: %s", after).isNotEqualTo("message");
		}
		while (!(after.get("event").asString().equals("time") && after.get("timestamp").asString().equals(newest)));
		pilot.close();
	}

	private Writer start(BlockingQueue<JsonNode> printed, String subprotocol) throws IOException {
		Process process = new ProcessBuilder("node", "client.mjs", "ws://localhost:" + this.port + "/foxglove",
				subprotocol, "d6")
			.directory(CLIENT.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		this.processes.add(process);
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = process.inputReader(StandardCharsets.UTF_8)) {
				lines.lines().map(json::readTree).forEach(printed::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, "foxglove-client-output");
		reader.setDaemon(true);
		reader.start();
		return process.outputWriter(StandardCharsets.UTF_8);
	}

	private static JsonNode next(BlockingQueue<JsonNode> printed, String event) throws InterruptedException {
		return next(printed, (line) -> line.get("event").asString().equals(event));
	}

	/** The next printed line that matches, skipping the hub's time and others. */
	private static JsonNode next(BlockingQueue<JsonNode> printed, Predicate<JsonNode> wanted)
			throws InterruptedException {
		long deadline = System.nanoTime() + StompTestClient.TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode line = printed.poll(100, TimeUnit.MILLISECONDS);
			if (line == null) {
				continue;
			}
			assertThat(line.get("event").asString()).as("%s", line).isNotIn("error", "close");
			if (wanted.test(line)) {
				return line;
			}
		}
		throw new AssertionError("the Foxglove client printed nothing wanted within " + StompTestClient.TIMEOUT);
	}

}
