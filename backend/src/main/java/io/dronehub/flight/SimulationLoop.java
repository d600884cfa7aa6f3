package io.dronehub.flight;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The one thread that owns the {@link Fleet}: it runs queued tasks (commands, control
 * requests) between ticks and steps the fleet once per tick, handing every state and
 * event to each {@link FleetListener} in turn. Other threads reach the fleet only through
 * {@link #submit(Function)} and read only the immutable {@link #latestStates()}.
 * <p>
 * The task queue is bounded: when it is full, {@code submit} fails fast with a
 * {@link RejectedExecutionException} instead of letting a flood of commands grow memory.
 * A task or tick that throws is logged and does not stop the loop.
 */
public final class SimulationLoop implements LatestStates, AutoCloseable {

	private static final System.Logger logger = System.getLogger(SimulationLoop.class.getName());

	private static final int MAX_PENDING_TASKS = 1024;

	private final Fleet fleet;

	private final Duration tickPeriod;

	private final List<FleetListener> listeners;

	private final TickObserver tickObserver;

	private final ScheduledExecutorService thread;

	private final Semaphore taskCapacity = new Semaphore(MAX_PENDING_TASKS);

	private final AtomicLong ticks = new AtomicLong();

	private final AtomicLong overruns = new AtomicLong();

	private final AtomicLong skipped = new AtomicLong();

	private volatile List<DroneState> latestStates;

	/**
	 * Creates a loop that does nothing until {@link #start()} or {@link #advance(int)}.
	 * @param fleet the fleet this loop's thread will own
	 * @param tickPeriod the simulated time of one tick
	 * @param listeners receive states and events on the simulation thread, in this order
	 * @param tickObserver told each tick's duration on the simulation thread
	 */
	public SimulationLoop(Fleet fleet, Duration tickPeriod, List<FleetListener> listeners, TickObserver tickObserver) {
		this.fleet = fleet;
		this.tickPeriod = tickPeriod;
		this.listeners = List.copyOf(listeners);
		this.tickObserver = tickObserver;
		this.latestStates = fleet.states();
		this.thread = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread simulation = new Thread(runnable, "simulation");
			simulation.setDaemon(true);
			return simulation;
		});
	}

	/**
	 * Starts ticking in real time, one tick per period. Ticks missed while the thread was
	 * held up are skipped (and counted), not run back to back.
	 */
	public void start() {
		long periodNanos = this.tickPeriod.toNanos();
		TickSchedule schedule = new TickSchedule(System.nanoTime() + periodNanos, periodNanos);
		this.thread.scheduleAtFixedRate(() -> {
			if (schedule.onTime(System.nanoTime())) {
				tick();
			}
			else {
				this.skipped.incrementAndGet();
			}
		}, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
	}

	/**
	 * Runs {@code count} ticks as fast as possible, on the simulation thread.
	 * @param count how many ticks
	 * @return completes when the ticks have run and their states have been published
	 */
	public CompletableFuture<Void> advance(int count) {
		return CompletableFuture.runAsync(() -> {
			for (int i = 0; i < count; i++) {
				tick();
			}
		}, this.thread);
	}

	/**
	 * Runs a task on the simulation thread before the next tick, then publishes the
	 * events it produced.
	 * @param <T> the task's result type
	 * @param task reads or changes the fleet
	 * @return the task's result; failed with {@link RejectedExecutionException} when the
	 * queue is full or the loop is closed
	 */
	public <T> CompletableFuture<T> submit(Function<Fleet, T> task) {
		if (!this.taskCapacity.tryAcquire()) {
			return CompletableFuture.failedFuture(new RejectedExecutionException("simulation task queue is full"));
		}
		CompletableFuture<T> result = new CompletableFuture<>();
		try {
			this.thread.execute(() -> {
				this.taskCapacity.release();
				try {
					T value = task.apply(this.fleet);
					publishEvents();
					result.complete(value);
				}
				catch (RuntimeException ex) {
					logger.log(Level.ERROR, "Simulation task failed", ex);
					result.completeExceptionally(ex);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.taskCapacity.release();
			result.completeExceptionally(ex);
		}
		return result;
	}

	/**
	 * The states of the latest tick; safe to call from any thread.
	 * @return one state per drone simulated here, in id order
	 */
	@Override
	public List<DroneState> latestStates() {
		return this.latestStates;
	}

	/**
	 * How many ticks have run.
	 * @return the tick count
	 */
	public long ticks() {
		return this.ticks.get();
	}

	/**
	 * How many ticks took longer than the tick period.
	 * @return the overrun count
	 */
	public long overruns() {
		return this.overruns.get();
	}

	/**
	 * How many real-time ticks were skipped because the thread was a tick period or more
	 * late.
	 * @return the skipped count
	 */
	public long skipped() {
		return this.skipped.get();
	}

	@Override
	public void close() {
		this.thread.shutdownNow();
	}

	private void tick() {
		long started = System.nanoTime();
		try {
			List<DroneState> states = this.fleet.step(this.tickPeriod);
			this.latestStates = states;
			for (FleetListener listener : this.listeners) {
				listener.statesComputed(states);
			}
			publishEvents();
		}
		catch (RuntimeException ex) {
			logger.log(Level.ERROR, "Simulation tick failed", ex);
		}
		long took = System.nanoTime() - started;
		this.ticks.incrementAndGet();
		if (took > this.tickPeriod.toNanos()) {
			this.overruns.incrementAndGet();
		}
		this.tickObserver.tickTook(took);
	}

	private void publishEvents() {
		List<FleetEvent> events = this.fleet.drainEvents();
		if (!events.isEmpty()) {
			for (FleetListener listener : this.listeners) {
				listener.eventsOccurred(events);
			}
		}
	}

}
