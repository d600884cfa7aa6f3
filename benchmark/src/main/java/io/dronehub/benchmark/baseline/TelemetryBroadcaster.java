package io.dronehub.benchmark.baseline;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.dronehub.benchmark.TelemetryPayload;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;

/**
 * Every tick, stamps one state per drone at tick start (as the hub's simulator does),
 * encodes each into a STOMP MESSAGE frame once per destination and subscription id, and
 * sends that same message to every subscriber of the drone: the floor of what delivering
 * the hub's telemetry costs. Ticks run on one thread of their own.
 */
@Component
class TelemetryBroadcaster implements SmartLifecycle {

	private final Subscribers subscribers;

	private final BaselineProperties properties;

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "baseline-ticker");
		thread.setDaemon(true);
		return thread;
	});

	private long seq;

	private volatile boolean running;

	TelemetryBroadcaster(Subscribers subscribers, BaselineProperties properties) {
		this.subscribers = subscribers;
		this.properties = properties;
	}

	@Override
	public void start() {
		long periodNanos = 1_000_000_000L / this.properties.rateHz();
		this.ticker.scheduleAtFixedRate(this::tick, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
		this.running = true;
	}

	@Override
	public void stop() {
		this.ticker.shutdownNow();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void tick() {
		long timestamp = System.currentTimeMillis();
		this.seq++;
		for (int drone = 1; drone <= this.properties.fleetSize(); drone++) {
			byte[] body = TelemetryPayload.json(drone, this.seq, timestamp);
			Map<String, Map<String, TextMessage>> byDestination = new HashMap<>();
			for (Subscribers.Subscriber subscriber : this.subscribers.all()) {
				if (!subscriber.watches(drone)) {
					continue;
				}
				TextMessage frame = byDestination
					.computeIfAbsent(subscriber.destination(), (destination) -> new HashMap<>())
					.computeIfAbsent(subscriber.subscriptionId(),
							(id) -> messageFrame(subscriber.destination(), id, body));
				this.subscribers.send(subscriber.session(), frame);
			}
		}
	}

	private TextMessage messageFrame(String destination, String subscriptionId, byte[] body) {
		String frame = "MESSAGE\ndestination:" + destination + "\ncontent-type:application/json\nsubscription:"
				+ subscriptionId + "\nmessage-id:" + this.seq + "\ncontent-length:" + body.length + "\n\n"
				+ new String(body, StandardCharsets.UTF_8) + "\0";
		return new TextMessage(frame);
	}

}
