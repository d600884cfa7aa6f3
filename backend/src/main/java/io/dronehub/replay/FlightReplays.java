package io.dronehub.replay;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import io.dronehub.command.CommandReply;
import io.dronehub.contract.Publishes;
import io.dronehub.flight.CommandResult;
import io.dronehub.flight.ResultCode;
import io.dronehub.outbound.SessionWriters;
import io.dronehub.recorder.Flight;
import io.dronehub.recorder.FlightStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;

/**
 * Every replay of the hub, each sent to the session that asked for it alone on
 * {@code /user/queue/replay}. One thread of its own, {@code flight-replay}, owns them
 * all: it handles each request (reading the flight from the database), steps every replay
 * once per {@code hub.replay.step}, reading recorded states a page at a time, and sends
 * the frames. Other threads only hand it requests, through a bounded queue (when it is
 * full a request is rejected with {@code BUSY}), and sessions that closed. Nothing here
 * touches the live fleet.
 * <p>
 * Pacing follows the hub's {@link Clock}, read once per step; the step itself runs on
 * wall time. When the hub stops, every replay is stopped with a STOPPED frame before the
 * hub announces its stop, so that announcement stays the last message it sends.
 */
@Publishes(destination = "/user" + ReplayFrame.QUEUE, payload = ReplayFrame.class,
		description = "The frames of your replays of recorded flights (SEND /app/replay), in order: a PLAYING frame "
				+ "when a replay starts or resumes and whenever recorded states come due, PAUSED when it pauses, "
				+ "and ENDED or STOPPED last.")
final class FlightReplays implements SmartLifecycle, DisposableBean {

	/** The most states a replay reads, and so holds, at a time. */
	static final int PAGE_SIZE = 200;

	private static final int MAX_PENDING_REQUESTS = 1024;

	private static final Log logger = LogFactory.getLog(FlightReplays.class);

	private final ReplayProperties settings;

	private final FlightStore store;

	private final Clock clock;

	private final SimpMessagingTemplate messaging;

	private final SessionWriters<?> writers;

	private final ScheduledExecutorService thread;

	/** The pacing step while started. */
	private @Nullable ScheduledFuture<?> stepping;

	private final Semaphore requestCapacity = new Semaphore(MAX_PENDING_REQUESTS);

	/** Each session's replays, by session id; owned by the replay thread. */
	private final Map<String, SessionReplays> sessions = new LinkedHashMap<>();

	private final AtomicInteger active = new AtomicInteger();

	private volatile boolean running;

	FlightReplays(ReplayProperties settings, FlightStore store, Clock clock, SimpMessagingTemplate messaging,
			SessionWriters<?> writers, MeterRegistry meters) {
		this.settings = settings;
		this.store = store;
		this.clock = clock;
		this.messaging = messaging;
		this.writers = writers;
		this.thread = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread replay = new Thread(runnable, "flight-replay");
			replay.setDaemon(true);
			return replay;
		});
		Gauge.builder("hub.replays", this.active, AtomicInteger::get)
			.description("Replays of recorded flights under way, playing or paused")
			.register(meters);
	}

	/**
	 * Hands a request to the replay thread.
	 * @param request what the session asks for
	 * @param user the session's user, to whom the frames go
	 * @param sessionId the session, the only one the frames go to
	 * @return the reply, completed on the replay thread; failed if the database failed
	 */
	CompletableFuture<CommandReply> request(ReplayRequest request, String user, String sessionId) {
		if (!this.requestCapacity.tryAcquire()) {
			return CompletableFuture
				.completedFuture(rejected(request, null, ResultCode.BUSY, "the replays are busy: try again").reply());
		}
		CompletableFuture<CommandReply> reply = new CompletableFuture<>();
		try {
			this.thread.execute(() -> {
				this.requestCapacity.release();
				try {
					Outcome outcome = handle(request, user, sessionId);
					reply.complete(outcome.reply());
					send(user, sessionId, outcome.frames());
				}
				catch (RuntimeException ex) {
					if (!reply.completeExceptionally(ex)) {
						logger.error("Sending the frames of a replay failed", ex);
					}
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.requestCapacity.release();
			reply.complete(rejected(request, null, ResultCode.BUSY, "the hub is stopping").reply());
		}
		return reply;
	}

	/**
	 * Forgets the replays of a session that closed.
	 * @param sessionId the session
	 */
	void sessionClosed(String sessionId) {
		try {
			this.thread.execute(() -> {
				SessionReplays closed = this.sessions.remove(sessionId);
				if (closed != null) {
					this.active.addAndGet(-closed.byFlight().size());
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// stopped: every replay is gone already
		}
	}

	@Override
	public void start() {
		this.running = true;
		long stepNanos = this.settings.step().toNanos();
		this.stepping = this.thread.scheduleWithFixedDelay(this::step, stepNanos, stepNanos, TimeUnit.NANOSECONDS);
	}

	/**
	 * Stops every replay, each with a STOPPED frame, and the pacing step; the replay
	 * thread stays for a start again (a context that is stopped and started), until the
	 * context is destroyed.
	 */
	@Override
	public void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		try {
			this.thread.submit(this::stopAll).get(2, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("Could not stop the replays in time", ex);
		}
		ScheduledFuture<?> step = this.stepping;
		if (step != null) {
			step.cancel(false);
			this.stepping = null;
		}
	}

	@Override
	public void destroy() {
		this.thread.shutdownNow();
	}

	/**
	 * Stops the replays as the context closes, before the hub announces its stop.
	 */
	@EventListener(ContextClosedEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void contextClosed() {
		stop();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private Outcome handle(ReplayRequest request, String user, String sessionId) {
		if (!this.running) {
			return rejected(request, null, ResultCode.BUSY, "the hub is starting or stopping: try again");
		}
		SessionReplays session = this.sessions.get(sessionId);
		Replay current = (session != null) ? session.byFlight().get(request.flight()) : null;
		return switch (request.action()) {
			case PLAY -> play(request, user, sessionId, current);
			case PAUSE -> control(request, current, Replay::pause);
			case RESUME -> control(request, current, Replay::resume);
			case STOP -> control(request, current, (replay, now) -> List.of(replay.stop()));
		};
	}

	private Outcome play(ReplayRequest request, String user, String sessionId, @Nullable Replay current) {
		if (this.writers.get(sessionId) == null) {
			return rejected(request, null, ResultCode.COMMAND_DENIED, "the session has closed");
		}
		Optional<Flight> found = this.store.find(request.flight());
		if (found.isEmpty()) {
			return rejected(request, null, ResultCode.NO_SYSTEM, "no flight with id " + request.flightId());
		}
		Flight flight = found.get();
		long durationMs = durationOf(flight);
		if (request.offsetMs() > durationMs) {
			return rejected(request, flight.droneId(), ResultCode.OUT_OF_RANGE, "offsetMs must be at most " + durationMs
					+ ", the length of flight " + flight.id() + ", was " + request.offsetMs());
		}
		SessionReplays session = this.sessions.get(sessionId);
		if (current == null && session != null && session.byFlight().size() >= this.settings.maxPerSession()) {
			return rejected(request, flight.droneId(), ResultCode.BUSY,
					"at most " + this.settings.maxPerSession() + " replays at once per session");
		}
		if (current == null && this.active.get() >= this.settings.maxTotal()) {
			return rejected(request, flight.droneId(), ResultCode.BUSY,
					"the hub runs as many replays as it may (" + this.settings.maxTotal() + "): try again later");
		}
		long now = this.clock.millis();
		Replay replay = new Replay(flight, durationMs, request.speed(), request.offsetMs(), now, this.store::states,
				PAGE_SIZE);
		List<ReplayFrame> started = replay.start(now);
		List<ReplayFrame> frames = new ArrayList<>();
		if (current != null) {
			frames.add(current.stop());
			removeFinished();
		}
		frames.addAll(started);
		if (!replay.finished()) {
			add(user, sessionId, replay);
		}
		return accepted(request, flight, frames);
	}

	private Outcome control(ReplayRequest request, @Nullable Replay current,
			BiFunction<Replay, Long, List<ReplayFrame>> action) {
		if (current == null) {
			return rejected(request, null, ResultCode.COMMAND_DENIED,
					"flight " + request.flightId() + " is not being replayed in this session");
		}
		List<ReplayFrame> frames = action.apply(current, this.clock.millis());
		if (current.finished()) {
			removeFinished();
		}
		return accepted(request, current.flight(), frames);
	}

	/** The replay thread's pacing step: every replay's frames that have come due. */
	private void step() {
		try {
			long now = this.clock.millis();
			this.sessions.forEach((sessionId, session) -> {
				if (this.writers.get(sessionId) == null) {
					return;
				}
				for (Replay replay : session.byFlight().values()) {
					send(session.user(), sessionId, stepOrStop(replay, now));
				}
			});
			removeFinished();
		}
		catch (RuntimeException ex) {
			logger.error("A replay step failed", ex);
		}
	}

	private List<ReplayFrame> stepOrStop(Replay replay, long now) {
		try {
			return replay.step(now);
		}
		catch (DataAccessException ex) {
			logger.warn("Stopped a replay of flight " + replay.flight().id() + ": its states could not be read: "
					+ ex.getMessage());
			return List.of(replay.stop());
		}
	}

	private void stopAll() {
		this.sessions.forEach((sessionId, session) -> session.byFlight()
			.values()
			.forEach((replay) -> send(session.user(), sessionId, List.of(replay.stop()))));
		this.sessions.clear();
		this.active.set(0);
	}

	private void add(String user, String sessionId, Replay replay) {
		this.sessions.computeIfAbsent(sessionId, (id) -> new SessionReplays(user, new LinkedHashMap<>()))
			.byFlight()
			.put(replay.flight().id(), replay);
		this.active.incrementAndGet();
	}

	private void removeFinished() {
		for (Iterator<SessionReplays> each = this.sessions.values().iterator(); each.hasNext();) {
			SessionReplays session = each.next();
			int before = session.byFlight().size();
			session.byFlight().values().removeIf(Replay::finished);
			this.active.addAndGet(session.byFlight().size() - before);
			if (session.byFlight().isEmpty()) {
				each.remove();
			}
		}
	}

	private long durationOf(Flight flight) {
		Long endedAt = flight.endedAt();
		long end = (endedAt != null) ? endedAt : this.store.lastStateAt(flight.id()).orElse(flight.startedAt());
		return Math.max(0, end - flight.startedAt());
	}

	private void send(String user, String sessionId, List<ReplayFrame> frames) {
		for (ReplayFrame frame : frames) {
			SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
			headers.setSessionId(sessionId);
			headers.setLeaveMutable(true);
			this.messaging.convertAndSendToUser(user, ReplayFrame.QUEUE, frame, headers.getMessageHeaders());
		}
	}

	private static Outcome accepted(ReplayRequest request, Flight flight, List<ReplayFrame> frames) {
		return new Outcome(CommandReply.of(request.commandId(), flight.droneId(), CommandResult.ok()), frames);
	}

	private static Outcome rejected(ReplayRequest request, @Nullable String droneId, ResultCode code, String reason) {
		return new Outcome(CommandReply.of(request.commandId(), droneId, CommandResult.rejected(code, reason)),
				List.of());
	}

	/**
	 * What handling a request comes to.
	 *
	 * @param reply the reply for the sender
	 * @param frames the frames for its session, after the reply
	 */
	private record Outcome(CommandReply reply, List<ReplayFrame> frames) {
	}

	/**
	 * One session's replays.
	 *
	 * @param user the session's user, to whom its frames are addressed
	 * @param byFlight its replays by flight, in the order they started
	 */
	private record SessionReplays(String user, Map<UUID, Replay> byFlight) {
	}

}
