package io.dronehub.cluster;

import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.simp.stomp.ReactorNettyTcpStompClient;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompReactorNettyCodec;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.messaging.tcp.reactor.ReactorNettyTcpClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.util.MimeTypeUtils;

/**
 * This node's one STOMP connection to the cluster's broker: subscriptions that are made
 * again on every reconnect, and publishing of JSON frames that never throws and never
 * waits for the broker.
 * <p>
 * {@link #start()} connects in the background, so the hub starts while the broker is
 * away; while it is away the link tries again every second, for as long as it runs. The
 * STOMP heart-beats are 10 s each way, so a broker that falls silent is taken for lost
 * after 30 s; one that closes the connection or stops, at once.
 * <p>
 * Thread-safe. Received frames are handed to their subscription's handler on the
 * connection's I/O thread; published frames are written by the link's own sender thread,
 * in the order they were published.
 */
public final class BrokerLink implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(BrokerLink.class);

	/** How often each side sends and expects STOMP heart-beats, ms. */
	private static final long[] HEARTBEAT = { 10_000, 10_000 };

	private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);

	/** How long a TCP connect may take before the attempt counts as failed. */
	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	/** How long {@link #stop()} waits for the published frames to leave. */
	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);

	/** Published frames that may wait for the sender; beyond them publish refuses. */
	private static final int OUTBOX_CAPACITY = 10_000;

	private final ClusterProperties.Broker broker;

	private final TaskScheduler scheduler;

	private final List<BrokerLinkListener> listeners = new CopyOnWriteArrayList<>();

	private final ThreadPoolTaskExecutor sender = new ThreadPoolTaskExecutor();

	private final Counter sent;

	private final Counter received;

	private final Counter unsent;

	/** The connected session, with every subscription made on it. */
	private volatile @Nullable StompSession session;

	private volatile boolean running;

	/**
	 * Guards the fields below, and the changes of {@link #session} and {@link #running},
	 * so that listeners hear of them one at a time, in order.
	 */
	private final Object lock = new Object();

	private final List<Subscription> subscriptions = new ArrayList<>();

	private @Nullable ReactorNettyTcpStompClient stompClient;

	/** The connect attempt under way, or whose session is connected. */
	private @Nullable Attempt attempt;

	private @Nullable ScheduledFuture<?> reconnect;

	/** Whether the link's being away has been logged since it was last connected. */
	private boolean awayLogged;

	/**
	 * Create a link to the broker that {@code settings} name.
	 * @param settings the broker and how to log in to it
	 * @param scheduler runs the reconnect attempts
	 * @param meters where the link's {@code hub.cluster.*} meters are registered
	 */
	public BrokerLink(ClusterProperties settings, TaskScheduler scheduler, MeterRegistry meters) {
		this.broker = settings.broker();
		this.scheduler = scheduler;
		this.sender.setThreadNamePrefix("broker-link-sender-");
		this.sender.setCorePoolSize(1);
		this.sender.setMaxPoolSize(1);
		this.sender.setQueueCapacity(OUTBOX_CAPACITY);
		this.sender.setWaitForTasksToCompleteOnShutdown(true);
		this.sender.setAwaitTerminationMillis(STOP_TIMEOUT.toMillis());
		Gauge.builder("hub.cluster.broker.connected", this, (link) -> link.connected() ? 1 : 0)
			.description("Whether this node is connected to the cluster's broker (1) or not (0)")
			.register(meters);
		Gauge.builder("hub.cluster.messages.waiting", this.sender, BrokerLink::waiting)
			.description("Messages this node published that wait for the link's sender thread")
			.register(meters);
		this.sent = messages("sent", meters);
		this.received = messages("received", meters);
		this.unsent = Counter.builder("hub.cluster.messages.unsent")
			.description("Messages this node published while it was not connected to the cluster's broker, "
					+ "or that it could not write")
			.register(meters);
	}

	/** How many frames wait for the sender thread; none before it is started. */
	private static int waiting(ThreadPoolTaskExecutor sender) {
		try {
			return sender.getQueueSize();
		}
		catch (IllegalStateException notStarted) {
			return 0;
		}
	}

	private static Counter messages(String direction, MeterRegistry meters) {
		return Counter.builder("hub.cluster.messages")
			.description("Messages this node sent to or received from the cluster's broker, by direction")
			.tag("direction", direction)
			.register(meters);
	}

	/**
	 * Subscribe to a destination now, if connected, and again on every reconnect. May be
	 * called before {@link #start()}.
	 * @param destination a broker destination such as {@code /topic/hub.states}
	 * @param handler receives each frame's body as the broker delivered it. It runs on
	 * the connection's I/O thread (one of Spring's {@code tcp-client-scheduler} threads,
	 * to which Netty hands the decoded frames), one frame at a time in the order they
	 * arrive: it must return quickly, for the frames after it wait. It may publish. What
	 * it throws is logged.
	 */
	public void subscribe(String destination, Consumer<byte[]> handler) {
		Subscription subscription = new Subscription(destination, handler);
		synchronized (this.lock) {
			this.subscriptions.add(subscription);
			StompSession session = this.session;
			if (session != null) {
				try {
					subscription.makeOn(session);
				}
				catch (RuntimeException ex) {
					logger.debug("Could not subscribe to " + destination + "; the next connection will", ex);
				}
			}
		}
	}

	/**
	 * Publish a JSON frame ({@code content-type: application/json}) to a destination.
	 * Returns at once: the frame is written by the link's sender thread, after the frames
	 * published before it. What could not be sent is counted in
	 * {@code hub.cluster.messages.unsent}.
	 * @param destination a broker destination such as {@code /topic/hub.states}
	 * @param payload the frame's body, sent as it is
	 * @return {@code false} when the link is not connected, or when the broker has not
	 * taken the frames published before (10,000 are waiting)
	 */
	public boolean publish(String destination, byte[] payload) {
		StompSession session = this.session;
		if (session != null) {
			try {
				this.sender.execute(() -> send(session, destination, payload));
				return true;
			}
			catch (TaskRejectedException ex) {
				// the outbox is full, or the link is stopping
			}
		}
		this.unsent.increment();
		return false;
	}

	private void send(StompSession session, String destination, byte[] payload) {
		StompHeaders headers = new StompHeaders();
		headers.setDestination(destination);
		headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
		try {
			session.send(headers, payload);
			this.sent.increment();
		}
		catch (RuntimeException ex) {
			this.unsent.increment();
			logger.debug("Could not send a frame to " + destination, ex);
		}
	}

	/**
	 * Whether the link is connected to the broker.
	 * @return {@code true} from the broker's CONNECTED frame, with every subscription
	 * made, until the connection is lost or the link stops
	 */
	public boolean connected() {
		StompSession session = this.session;
		return session != null && session.isConnected();
	}

	/**
	 * Tell a listener of every transition from now on.
	 * @param listener called on one of the link's threads; it may publish and subscribe
	 */
	public void addListener(BrokerLinkListener listener) {
		this.listeners.add(listener);
	}

	@Override
	public void start() {
		synchronized (this.lock) {
			if (this.running) {
				return;
			}
			this.sender.initialize();
			ReactorNettyTcpStompClient stompClient = new ReactorNettyTcpStompClient(new ReactorNettyTcpClient<>(
					(client) -> client.host(this.broker.host())
						.port(this.broker.port())
						.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) CONNECT_TIMEOUT.toMillis()),
					new StompReactorNettyCodec()));
			stompClient.setMessageConverter(new BodyAsBytes());
			stompClient.setTaskScheduler(this.scheduler);
			stompClient.setDefaultHeartbeat(HEARTBEAT);
			this.stompClient = stompClient;
			this.running = true;
			this.awayLogged = false;
			connect();
		}
	}

	/**
	 * Send DISCONNECT after the frames published so far, waiting up to 2 s for them, and
	 * close the connection. Listeners are told {@code linkDown} if the link was
	 * connected.
	 */
	@Override
	public void stop() {
		StompSession session;
		ReactorNettyTcpStompClient stompClient;
		synchronized (this.lock) {
			if (!this.running) {
				return;
			}
			this.running = false;
			if (this.reconnect != null) {
				this.reconnect.cancel(false);
			}
			session = this.session;
			if (session != null) {
				this.session = null;
				tellDown("the link stopped");
			}
			stompClient = this.stompClient;
		}
		if (session != null) {
			try {
				this.sender.execute(() -> disconnect(session));
			}
			catch (TaskRejectedException ex) {
				// a full outbox: closing the connection below will do
			}
		}
		this.sender.shutdown();
		if (stompClient != null) {
			stompClient.shutdown();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private static void disconnect(StompSession session) {
		try {
			session.disconnect();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not send DISCONNECT", ex);
		}
	}

	/** Try once to connect; the caller holds the lock. */
	private void connect() {
		ReactorNettyTcpStompClient client = this.stompClient;
		if (!this.running || client == null) {
			return;
		}
		StompHeaders headers = new StompHeaders();
		headers.setLogin(this.broker.login());
		headers.setPasscode(this.broker.passcode());
		headers.setHost(this.broker.virtualHost());
		Attempt attempt = new Attempt();
		this.attempt = attempt;
		client.connectAsync(headers, attempt);
	}

	private void connected(Attempt attempt, StompSession session) {
		synchronized (this.lock) {
			if (!this.running || attempt != this.attempt) {
				disconnect(session);
				return;
			}
			for (Subscription subscription : this.subscriptions) {
				subscription.makeOn(session);
			}
			this.session = session;
			this.awayLogged = false;
			logger.info("Connected to the cluster's broker at " + address());
			for (BrokerLinkListener listener : this.listeners) {
				try {
					listener.linkUp();
				}
				catch (RuntimeException ex) {
					logger.warn("A broker link listener failed", ex);
				}
			}
		}
	}

	/**
	 * An attempt ended, connected or not: tell, if it was connected, and try again.
	 * Called off the connection's I/O thread, which a holder of the lock may be waiting
	 * for.
	 */
	private void ended(Attempt attempt, StompSession session, String reason) {
		synchronized (this.lock) {
			if (this.session == session) {
				this.session = null;
				tellDown(reason);
			}
			if (!this.running || attempt != this.attempt) {
				return;
			}
			if (!this.awayLogged) {
				logger.warn("The cluster's broker at " + address() + " is away (" + reason + "); trying again every "
						+ RECONNECT_DELAY.toSeconds() + " s");
				this.awayLogged = true;
			}
			try {
				this.reconnect = this.scheduler.schedule(this::reconnect, Instant.now().plus(RECONNECT_DELAY));
			}
			catch (TaskRejectedException ex) {
				logger.debug("Not reconnecting: the scheduler is shutting down", ex);
			}
		}
	}

	private void reconnect() {
		synchronized (this.lock) {
			connect();
		}
	}

	/** The caller holds the lock. */
	private void tellDown(String reason) {
		for (BrokerLinkListener listener : this.listeners) {
			try {
				listener.linkDown(reason);
			}
			catch (RuntimeException ex) {
				logger.warn("A broker link listener failed", ex);
			}
		}
	}

	private String address() {
		return this.broker.host() + ":" + this.broker.port();
	}

	/** One connect attempt and, if it succeeds, the session it opens. */
	private final class Attempt extends StompSessionHandlerAdapter {

		private final AtomicBoolean ended = new AtomicBoolean();

		private volatile @Nullable String error;

		@Override
		public void afterConnected(StompSession session, StompHeaders connectedHeaders) {
			connected(this, session);
		}

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return byte[].class;
		}

		/** An ERROR frame, after which the broker closes the connection. */
		@Override
		public void handleFrame(StompHeaders headers, @Nullable Object payload) {
			this.error = "the broker sent ERROR: " + headers.getFirst("message");
		}

		@Override
		public void handleException(StompSession session, @Nullable StompCommand command, StompHeaders headers,
				byte[] payload, Throwable exception) {
			logger.warn("Failed to handle a " + command + " frame from " + headers.getDestination(), exception);
		}

		/**
		 * The connect attempt failed, or the connection was lost; called on any of the
		 * client's threads, the I/O thread included, and possibly more than once.
		 */
		@Override
		public void handleTransportError(StompSession session, Throwable exception) {
			if (this.ended.compareAndSet(false, true)) {
				String error = this.error;
				String reason = (error != null) ? error : describe(exception);
				try {
					BrokerLink.this.scheduler.schedule(() -> ended(this, session, reason), Instant.now());
				}
				catch (TaskRejectedException ex) {
					ended(this, session, reason);
				}
			}
		}

		private static String describe(Throwable exception) {
			String message = exception.getMessage();
			return (message != null) ? message : exception.getClass().getSimpleName();
		}

	}

	/** A subscription the link makes on every session. */
	private final class Subscription implements StompFrameHandler {

		private final String destination;

		private final Consumer<byte[]> handler;

		Subscription(String destination, Consumer<byte[]> handler) {
			this.destination = destination;
			this.handler = handler;
		}

		void makeOn(StompSession session) {
			session.subscribe(this.destination, this);
		}

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return byte[].class;
		}

		@Override
		public void handleFrame(StompHeaders headers, @Nullable Object payload) {
			BrokerLink.this.received.increment();
			this.handler.accept((payload != null) ? (byte[]) payload : new byte[0]);
		}

	}

	/**
	 * Frame bodies as bytes, whatever their content type: JSON both ways, and a broker's
	 * ERROR text.
	 */
	private static final class BodyAsBytes extends ByteArrayMessageConverter {

		BodyAsBytes() {
			addSupportedMimeTypes(MimeTypeUtils.ALL);
		}

	}

}
