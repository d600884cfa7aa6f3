package io.dronehub.recorder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.dronehub.command.RequestOutcome;
import io.dronehub.command.RequestOutcomeListener;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.EventType;
import io.dronehub.flight.FleetEvent;
import io.dronehub.flight.FleetListener;
import io.dronehub.flight.SimulationLoop;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Records every flight without ever making the simulation wait: each tick's states, the
 * events, and the outcomes of commands and control requests are offered to a bounded
 * queue, and one thread of its own drains it, tells flights apart and writes them in
 * batches, one transaction each. What the queue cannot take, and what a failed write
 * loses, is counted in {@code hub.recorder.dropped}; the first loss is announced as
 * {@link EventType#RECORDER_DEGRADED}, and the first good write that leaves the queue
 * less than half full as {@link EventType#RECORDER_RECOVERED} (so a backlog that is still
 * being caught up with does not announce a recovery and then lose again). On a clean stop
 * everything queued is written and, on a single hub, the flights under way end as
 * {@link Flight#HUB_STOPPED}; on a node of a cluster they stay open for the nodes that
 * take their drones over.
 * <p>
 * {@link #statesComputed}, {@link #eventsOccurred} and {@link #requestDecided} are called
 * on the simulation thread (the last also on a sender's thread when the simulation was
 * busy); everything else of the tracking and writing happens on the recorder's thread.
 */
public final class FlightRecorder implements FleetListener, RequestOutcomeListener, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(FlightRecorder.class);

	private final BlockingQueue<Object> queue;

	private final RecorderProperties settings;

	private final FlightStore store;

	private final FlightTracker tracker;

	private final RecorderSchema schema;

	private final RecorderRetention retention;

	private final Clock clock;

	private final JsonMapper json;

	private final ObjectProvider<SimulationLoop> simulation;

	private final boolean endFlightsOnStop;

	private final Counter writtenStates;

	private final Counter writtenEvents;

	private final Counter droppedStates;

	private final Counter droppedEvents;

	private final Timer writeLatency;

	private final AtomicInteger queuedMax = new AtomicInteger();

	private volatile boolean degraded;

	private volatile int flying;

	private volatile boolean running;

	private @Nullable Thread writer;

	FlightRecorder(RecorderProperties settings, FlightStore store, RecorderSchema schema, FlightTracker tracker,
			RecorderRetention retention, Clock clock, JsonMapper json, ObjectProvider<SimulationLoop> simulation,
			boolean endFlightsOnStop, MeterRegistry meters) {
		this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
		this.settings = settings;
		this.store = store;
		this.tracker = tracker;
		this.schema = schema;
		this.retention = retention;
		this.clock = clock;
		this.json = json;
		this.simulation = simulation;
		this.endFlightsOnStop = endFlightsOnStop;
		this.writtenStates = counter(meters, "hub.recorder.written", "states", "Recorded items written");
		this.writtenEvents = counter(meters, "hub.recorder.written", "events", "Recorded items written");
		this.droppedStates = counter(meters, "hub.recorder.dropped", "states",
				"Recorded items lost: the queue was full or the database refused the write");
		this.droppedEvents = counter(meters, "hub.recorder.dropped", "events",
				"Recorded items lost: the queue was full or the database refused the write");
		Gauge.builder("hub.recorder.queued", this.queue, BlockingQueue::size)
			.description("Ticks' states, events and command outcomes waiting for the database")
			.register(meters);
		Gauge.builder("hub.recorder.queued.max", this, FlightRecorder::queuedMax)
			.description("The most items that have waited for the database at once since start-up")
			.register(meters);
		this.writeLatency = Timer.builder("hub.recorder.write.latency")
			.description("How long one batch took to write, in one transaction")
			.register(meters);
	}

	@Override
	public void statesComputed(List<DroneState> states) {
		enqueue(new States(states), this.droppedStates, states.size());
	}

	@Override
	public void eventsOccurred(List<FleetEvent> events) {
		enqueue(new Events(events), this.droppedEvents, events.size());
	}

	@Override
	public void requestDecided(RequestOutcome outcome) {
		enqueue(outcome, this.droppedEvents, 1);
	}

	/**
	 * Offers an item to the queue without waiting, noting the queue's high-water mark, or
	 * counts what it holds as lost.
	 */
	private void enqueue(Object item, Counter lost, int count) {
		if (this.queue.offer(item)) {
			this.queuedMax.accumulateAndGet(this.queue.size(), Math::max);
		}
		else {
			dropped(lost, count, "the recorder's queue is full");
		}
	}

	/**
	 * Whether the last write failed, or the queue overflowed since the last good write.
	 * @return {@code true} while recording loses data
	 */
	public boolean degraded() {
		return this.degraded;
	}

	/**
	 * How many ticks' states and events wait for the database.
	 * @return the queue's length
	 */
	public int queued() {
		return this.queue.size();
	}

	/**
	 * The queue's high-water mark: the most items (ticks' states, events, command
	 * outcomes) that have waited at once since start-up, which a sampled
	 * {@link #queued()} would miss between samples.
	 * @return the queue's longest length so far
	 */
	public int queuedMax() {
		return this.queuedMax.get();
	}

	/**
	 * How many flights are under way, as of the last batch.
	 * @return the count
	 */
	public int flying() {
		return this.flying;
	}

	@Override
	public void start() {
		if (!this.schema.ensureReady()) {
			this.degraded = true;
			announce(EventType.RECORDER_DEGRADED, "the flight recorder's database does not answer: flights are not "
					+ "recorded until it does; lost states and events are counted in hub.recorder.dropped");
		}
		this.running = true;
		Thread thread = new Thread(this::drain, "flight-recorder");
		thread.setDaemon(true);
		this.writer = thread;
		thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.writer;
		if (thread == null) {
			return;
		}
		try {
			thread.join(TimeUnit.SECONDS.toMillis(30));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (this.endFlightsOnStop) {
			RecorderBatch last = new RecorderBatch();
			this.tracker.endAll(this.clock.millis(), last);
			write(last);
		}
		this.writer = null;
	}

	@Override
	public boolean isRunning() {
		return this.writer != null;
	}

	/**
	 * The recorder's thread: batches of queued ticks until stopped and drained, and the
	 * retention limits between them.
	 */
	private void drain() {
		List<Object> items = new ArrayList<>(this.settings.batchSize());
		while (this.running || !this.queue.isEmpty()) {
			try {
				if (this.schema.ensureReady()) {
					this.retention.enforceIfDue();
				}
				Object first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				items.add(first);
				gather(items);
				RecorderBatch batch = new RecorderBatch();
				for (Object item : items) {
					if (item instanceof States states) {
						this.tracker.states(states.states(), batch);
					}
					else if (item instanceof Events events) {
						this.tracker.events(events.events(), batch);
					}
					else if (item instanceof RequestOutcome outcome) {
						this.tracker.entry(FlightLogEntry.of(outcome, this.json), batch);
					}
				}
				items.clear();
				write(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				logger.error("Recording a batch failed", ex);
			}
		}
	}

	/**
	 * Adds to a batch what the queue holds, and what arrives within
	 * {@link RecorderProperties#linger()} of the batch's first item, up to the batch
	 * size: one transaction then writes a few ticks, and each flight's summary once for
	 * them.
	 */
	private void gather(List<Object> items) throws InterruptedException {
		long deadline = System.nanoTime() + this.settings.linger().toNanos();
		this.queue.drainTo(items, this.settings.batchSize() - items.size());
		while (this.running && items.size() < this.settings.batchSize()) {
			long left = deadline - System.nanoTime();
			Object next = (left > 0) ? this.queue.poll(left, TimeUnit.NANOSECONDS) : null;
			if (next == null) {
				return;
			}
			items.add(next);
			this.queue.drainTo(items, this.settings.batchSize() - items.size());
		}
	}

	private void write(RecorderBatch batch) {
		this.flying = this.tracker.flying();
		if (batch.isEmpty()) {
			return;
		}
		if (!this.schema.ensureReady()) {
			this.droppedEvents.increment(batch.events().size());
			dropped(this.droppedStates, batch.states().size(), "its database does not answer");
			return;
		}
		long started = System.nanoTime();
		try {
			this.store.write(batch);
		}
		catch (DataAccessException | TransactionException ex) {
			this.droppedEvents.increment(batch.events().size());
			dropped(this.droppedStates, batch.states().size(), "the database refused the write: " + ex.getMessage());
			return;
		}
		this.writeLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		this.writtenStates.increment(batch.states().size());
		this.writtenEvents.increment(batch.events().size());
		if (this.degraded && this.queue.remainingCapacity() > this.queue.size()) {
			this.degraded = false;
			logger.info("The flight recorder writes again");
			announce(EventType.RECORDER_RECOVERED, "the flight recorder writes again");
		}
	}

	private void dropped(Counter counter, int count, String why) {
		counter.increment(count);
		if (!this.degraded) {
			this.degraded = true;
			logger.warn("The flight recorder is losing data: " + why);
			announce(EventType.RECORDER_DEGRADED, "the flight recorder is losing data: " + why
					+ "; lost states and events are counted in hub.recorder.dropped");
		}
	}

	private void announce(EventType type, String detail) {
		SimulationLoop loop = this.simulation.getIfAvailable();
		if (loop != null) {
			loop.submit((fleet) -> {
				fleet.events().record(type, null, null, detail);
				return null;
			});
		}
	}

	private static Counter counter(MeterRegistry meters, String name, String kind, String description) {
		return Counter.builder(name).description(description).tag("kind", kind).register(meters);
	}

	/** One tick's states, waiting for the recorder's thread. */
	private record States(List<DroneState> states) {
	}

	/** Events, waiting for the recorder's thread. */
	private record Events(List<FleetEvent> events) {
	}

}
