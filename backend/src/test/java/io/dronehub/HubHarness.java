package io.dronehub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.dronehub.flight.DroneState;
import io.dronehub.flight.SimulationLoop;
import io.dronehub.outbound.SessionWriters;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives a hub started with {@code hub.simulation.clock=manual} from an integration test:
 * opens STOMP clients (closed by {@link #close()}), steps the simulation and checks what
 * subscribers received.
 */
public final class HubHarness implements AutoCloseable {

	private final int port;

	private final SimulationLoop simulation;

	private final SessionWriters<?> writers;

	private final List<StompTestClient> clients = new ArrayList<>();

	/**
	 * Creates a harness for a running hub.
	 * @param port the hub's HTTP port
	 * @param simulation the hub's simulation, in manual clock mode
	 * @param writers the hub's session writers, to wait until each tick is written
	 */
	public HubHarness(int port, SimulationLoop simulation, SessionWriters<?> writers) {
		this.port = port;
		this.simulation = simulation;
		this.writers = writers;
	}

	/**
	 * Connects an anonymous observer.
	 * @return the client
	 * @throws Exception if the connection fails
	 */
	public StompTestClient connect() throws Exception {
		return track(StompTestClient.connect(this.port));
	}

	/**
	 * Connects as one of the users of the {@code it} profile, whose password is
	 * {@code <name>-secret}.
	 * @param user the user's name
	 * @return the client
	 * @throws Exception if the connection or login fails
	 */
	public StompTestClient connect(String user) throws Exception {
		return track(StompTestClient.connect(this.port, user, user + "-secret"));
	}

	/**
	 * Runs ticks one at a time, each written to every session before the next, as a
	 * client keeping up in real time would see them (a burst of ticks faster than the
	 * sockets drain would be conflated).
	 * @param ticks how many
	 * @throws Exception if they do not complete
	 */
	public void advance(int ticks) throws Exception {
		for (int i = 0; i < ticks; i++) {
			this.simulation.advance(1).get(10, TimeUnit.SECONDS);
			await().pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(1))
				.atMost(StompTestClient.TIMEOUT)
				.until(this.writers::idle);
		}
	}

	/**
	 * The state of a drone after the latest tick.
	 * @param droneId the drone
	 * @return its state
	 */
	public DroneState latest(String droneId) {
		return this.simulation.latestStates()
			.stream()
			.filter((state) -> state.droneId().equals(droneId))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Ticks until every queue has received telemetry, proving the subscriptions are
	 * active.
	 * @param queues telemetry subscriptions
	 */
	public void awaitTelemetry(List<BlockingQueue<JsonNode>> queues) {
		await().atMost(StompTestClient.TIMEOUT).until(() -> {
			advance(1);
			return queues.stream().allMatch((queue) -> !queue.isEmpty());
		});
	}

	/**
	 * Holds the thread it runs on, such as a simulation's, until a test releases it.
	 * @param release counted down by the test
	 * @return whether it was released within {@link StompTestClient#TIMEOUT}
	 */
	public static boolean holdUntil(CountDownLatch release) {
		try {
			return release.await(StompTestClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Collects a subscriber's messages until it has seen {@code seq} of {@code droneId}.
	 * @param queue the subscription's queue
	 * @param droneId the drone to wait for
	 * @param seq the sequence number to wait for
	 * @return everything received, in order
	 * @throws InterruptedException if interrupted
	 */
	public static List<JsonNode> receiveUntil(BlockingQueue<JsonNode> queue, String droneId, long seq)
			throws InterruptedException {
		List<JsonNode> received = new ArrayList<>();
		while (true) {
			JsonNode state = StompTestClient.next(queue);
			received.add(state);
			if (state.get("droneId").asString().equals(droneId) && state.get("seq").asLong() >= seq) {
				return received;
			}
		}
	}

	/**
	 * The state of the simulation's latest tick of a drone, as a subscriber received it.
	 * @param telemetry the subscription's queue
	 * @param droneId the drone
	 * @return the newest state received
	 * @throws InterruptedException if interrupted
	 */
	public JsonNode newest(BlockingQueue<JsonNode> telemetry, String droneId) throws InterruptedException {
		List<JsonNode> received = receiveUntil(telemetry, droneId, latest(droneId).seq());
		return received.get(received.size() - 1);
	}

	/**
	 * Collects events until one of type {@code last} arrives.
	 * @param events the subscription's queue of {@code /topic/events}
	 * @param droneId the drone whose events are kept
	 * @param last the event type to wait for
	 * @return the types of that drone's events, in order
	 */
	public static List<String> eventTypes(BlockingQueue<JsonNode> events, String droneId, String last) {
		List<JsonNode> received = new ArrayList<>();
		await().atMost(StompTestClient.TIMEOUT).until(() -> {
			received.addAll(StompTestClient.drain(events));
			return received.stream().anyMatch((event) -> event.get("type").asString().equals(last));
		});
		return received.stream()
			.filter((event) -> droneId.equals(event.path("droneId").asString()))
			.map((event) -> event.get("type").asString())
			.toList();
	}

	/**
	 * Asserts that each drone's states are consecutive in {@code seq}.
	 * @param states telemetry messages in the order received
	 */
	public static void assertNoGapsPerDrone(List<JsonNode> states) {
		Map<String, Long> lastSeq = new HashMap<>();
		for (JsonNode state : states) {
			long seq = state.get("seq").asLong();
			Long previous = lastSeq.put(state.get("droneId").asString(), seq);
			if (previous != null) {
				assertThat(seq).as("seq of %s", state.get("droneId")).isEqualTo(previous + 1);
			}
		}
	}

	@Override
	public void close() {
		this.clients.forEach(StompTestClient::close);
	}

	private StompTestClient track(StompTestClient client) {
		this.clients.add(client);
		return client;
	}

}
