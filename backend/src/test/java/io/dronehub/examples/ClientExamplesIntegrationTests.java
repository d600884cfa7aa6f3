package io.dronehub.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.dronehub.HubHarness;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.FlightMode;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.outbound.SessionWriters;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs each client example of {@code examples/} as its own process against the hub, as a
 * user would, and checks that it logged in, read the fleet, followed telemetry, flew and
 * flew a mission. The simulation ticks whenever the example has gone quiet, that is,
 * while it waits for telemetry. Each example flies its own drone, as they share one hub.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.fleet.size=3" })
@ActiveProfiles("it")
class ClientExamplesIntegrationTests {

	private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

	private static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");

	/** How long the example may print nothing before the simulation ticks once. */
	private static final Duration QUIET = Duration.ofMillis(20);

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private final int port;

	private final HubHarness hub;

	ClientExamplesIntegrationTests(@LocalServerPort int port, @Autowired SimulationLoop simulation,
			@Autowired SessionWriters<?> writers) {
		this.port = port;
		this.hub = new HubHarness(port, simulation, writers);
	}

	@Test
	void theJavaExampleFlies() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		assertFlew("d1",
				run("java", "d1", java, "--class-path", System.getProperty("java.class.path"), "HubClient.java"));
	}

	@Test
	void theNodeExampleFlies() throws Exception {
		assertThat(succeeds("node", "node", "--input-type=module", "-e",
				"await import('@stomp/stompjs'); await import('ws')"))
			.as("the Node client example's packages, which the build installs (./mvnw verify, or npm ci --prefix "
					+ "examples/node)")
			.isTrue();
		assertFlew("d2", run("node", "d2", "node", "hub-client.mjs"));
	}

	@Test
	void thePythonExampleFlies() throws Exception {
		assumeTrue(succeeds("python", DEBIAN_PYTHON.toString(), "-c", "import websocket"),
				"The Python client example needs " + DEBIAN_PYTHON
						+ " with websocket-client: apt-get install -y python3-websocket; skipping");
		assertFlew("d3", run("python", "d3", DEBIAN_PYTHON.toString(), "hub_client.py"));
	}

	private void assertFlew(String droneId, List<String> output) throws Exception {
		assertThat(output).containsSubsequence("Connecting to ws://localhost:" + this.port + "/ws as alice",
				"Connected as alice", "Fleet snapshot: 3 drones", "Following " + droneId + "'s telemetry",
				"ACQUIRE accepted", "ARM accepted", "TAKEOFF accepted", "MISSION UPLOAD accepted",
				"MISSION START accepted", "Mission example: reached waypoint 1 of 2", "LAND accepted",
				"RELEASE accepted", "Disconnected");
		assertThat(output).filteredOn((line) -> line.startsWith("  " + droneId + " #"))
			.as("the snapshot's line, three states followed, the state at 2 m")
			.hasSize(5)
			.last()
			.asString()
			.matches("  " + droneId + " #\\d+ TAKEOFF alt 2\\.\\d m, .*, pilot alice");
		this.hub.advance(1);
		DroneState drone = this.hub.latest(droneId);
		assertThat(drone.mode()).isEqualTo(FlightMode.LAND);
		assertThat(drone.pilot()).isNull();
	}

	/**
	 * Runs an example in its folder with the hub's address and a pilot's login in its
	 * environment, ticking the simulation while it is quiet.
	 * @return the lines it printed, once it exited with 0
	 */
	private List<String> run(String folder, String droneId, String... command) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).directory(EXAMPLES.resolve(folder).toFile())
			.redirectErrorStream(true);
		builder.environment()
			.putAll(Map.of("HUB_URL", "ws://localhost:" + this.port + "/ws", "HUB_USER", "alice", "HUB_PASSWORD",
					"alice-secret", "HUB_DRONE", droneId));
		Process process = builder.start();
		BlockingQueue<String> printed = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> readLines(process, printed), folder + "-example-output");
		reader.start();
		List<String> output = new ArrayList<>();
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		try {
			while (process.isAlive()) {
				if (System.nanoTime() - deadline > 0) {
					throw new AssertionError(
							"The " + folder + " example did not finish within " + TIMEOUT + "; it printed " + output);
				}
				String line = printed.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS);
				if (line != null) {
					output.add(line);
				}
				else if (process.isAlive()) {
					this.hub.advance(1);
				}
			}
			reader.join(TimeUnit.SECONDS.toMillis(10));
			printed.drainTo(output);
			assertThat(process.exitValue()).as("exit code of the %s example, which printed %s", folder, output)
				.isZero();
			return output;
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static void readLines(Process process, BlockingQueue<String> printed) {
		try (BufferedReader lines = process.inputReader()) {
			lines.lines().forEach(printed::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether a command runs and exits with 0 in an example's folder, to find out whether
	 * that example's toolchain is installed.
	 */
	private static boolean succeeds(String folder, String... command) throws InterruptedException {
		if (!Files.isDirectory(EXAMPLES.resolve(folder))) {
			throw new IllegalStateException("no examples in " + EXAMPLES);
		}
		try {
			Process process = new ProcessBuilder(command).directory(EXAMPLES.resolve(folder).toFile())
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.redirectErrorStream(true)
				.start();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
