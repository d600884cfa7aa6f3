package io.dronehub;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.AbstractMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real STOMP-over-WebSocket client for integration tests: sends raw JSON and collects
 * what each subscription receives, parsed as JSON trees.
 */
public final class StompTestClient implements AutoCloseable {

	/** How long any single expected message may take. */
	public static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String SYNC = "SYNC";

	private static final AtomicInteger syncs = new AtomicInteger();

	private final WebSocketStompClient client;

	private final StompSession session;

	private final String user;

	private final Map<String, BlockingQueue<JsonNode>> received = new ConcurrentHashMap<>();

	private final CompletableFuture<String> error;

	private StompTestClient(WebSocketStompClient client, StompSession session, String user,
			CompletableFuture<String> error) {
		this.client = client;
		this.session = session;
		this.user = user;
		this.error = error;
	}

	/**
	 * Connects to the hub's STOMP endpoint without logging in (an anonymous observer).
	 * @param port the hub's HTTP port
	 * @return a connected client
	 * @throws Exception if the connection fails
	 */
	public static StompTestClient connect(int port) throws Exception {
		return connect(port, null, null);
	}

	/**
	 * Connects to the hub's STOMP endpoint and logs in.
	 * @param port the hub's HTTP port
	 * @param login the user name, or {@code null} to connect anonymously
	 * @param passcode the password
	 * @return a connected client
	 * @throws Exception if the connection or the login fails
	 */
	public static StompTestClient connect(int port, @Nullable String login, @Nullable String passcode)
			throws Exception {
		return connect(port, connectHeaders(login, passcode));
	}

	/**
	 * Connects to the hub's STOMP endpoint with the given CONNECT headers.
	 * @param port the hub's HTTP port
	 * @param connect the CONNECT frame's headers
	 * @return a connected client
	 * @throws Exception if the connection or the login fails
	 */
	public static StompTestClient connect(int port, StompHeaders connect) throws Exception {
		return connect(url(port), new StandardWebSocketClient(), new WebSocketHttpHeaders(), connect);
	}

	/**
	 * Connects to a STOMP endpoint through a WebSocket client of the caller's making.
	 * @param url the endpoint, {@code ws://} or {@code wss://}
	 * @param webSocket the WebSocket client, e.g. one that trusts a test's certificate
	 * @param http the handshake's HTTP headers, e.g. a proxy's {@code X-Forwarded-For}
	 * @param connect the CONNECT frame's headers
	 * @return a connected client
	 * @throws Exception if the connection or the login fails
	 */
	public static StompTestClient connect(String url, StandardWebSocketClient webSocket, WebSocketHttpHeaders http,
			StompHeaders connect) throws Exception {
		WebSocketStompClient client = newClient(webSocket);
		Handshake handshake = new Handshake();
		StompSession session = client.connectAsync(url, http, connect, handshake)
			.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		return new StompTestClient(client, session, handshake.user.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS),
				handshake.error);
	}

	/**
	 * Waits for the hub to end the session with an ERROR frame.
	 * @return the frame's {@code message} header
	 * @throws Exception if none arrives in time
	 */
	public String awaitError() throws Exception {
		return this.error.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
	}

	/**
	 * Tries to connect and expects the hub to refuse with a STOMP ERROR frame.
	 * @param port the hub's HTTP port
	 * @param login the user name, or {@code null}
	 * @param passcode the password
	 * @return the {@code message} header of the ERROR frame
	 * @throws Exception if no ERROR frame arrives
	 */
	public static String connectExpectingError(int port, @Nullable String login, @Nullable String passcode)
			throws Exception {
		return connectExpectingError(port, connectHeaders(login, passcode));
	}

	/**
	 * Tries to connect with the given CONNECT headers and expects the hub to refuse with
	 * a STOMP ERROR frame.
	 * @param port the hub's HTTP port
	 * @param connect the CONNECT frame's headers
	 * @return the {@code message} header of the ERROR frame
	 * @throws Exception if no ERROR frame arrives
	 */
	public static String connectExpectingError(int port, StompHeaders connect) throws Exception {
		return connectExpectingErrorWith(port, new WebSocketHttpHeaders(), connect);
	}

	/**
	 * Tries to connect with the given handshake and CONNECT headers and expects the hub
	 * to refuse with a STOMP ERROR frame.
	 * @param port the hub's HTTP port
	 * @param http the handshake's HTTP headers
	 * @param connect the CONNECT frame's headers
	 * @return the {@code message} header of the ERROR frame
	 * @throws Exception if no ERROR frame arrives
	 */
	public static String connectExpectingErrorWith(int port, WebSocketHttpHeaders http, StompHeaders connect)
			throws Exception {
		WebSocketStompClient client = newClient(new StandardWebSocketClient());
		Handshake handshake = new Handshake();
		handshake.user
			.thenAccept((user) -> handshake.error.completeExceptionally(new AssertionError("connected as " + user)));
		try {
			client.connectAsync(url(port), http, connect, handshake);
			return handshake.error.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		finally {
			client.stop();
		}
	}

	private static WebSocketStompClient newClient(StandardWebSocketClient webSocket) {
		ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();
		heartbeats.initialize();
		WebSocketStompClient client = new WebSocketStompClient(webSocket);
		client.setMessageConverter(new RawJsonConverter());
		client.setTaskScheduler(heartbeats);
		client.setInboundMessageSizeLimit(8 * 1024 * 1024);
		return client;
	}

	private static String url(int port) {
		return "ws://localhost:" + port + "/ws";
	}

	private static StompHeaders connectHeaders(@Nullable String login, @Nullable String passcode) {
		StompHeaders headers = new StompHeaders();
		if (login != null) {
			headers.setLogin(login);
			headers.setPasscode(passcode);
		}
		return headers;
	}

	/**
	 * The name the hub gave this connection.
	 * @return the {@code user-name} of the CONNECTED frame
	 */
	public String user() {
		return this.user;
	}

	/**
	 * Whether the STOMP session is still open.
	 * @return {@code true} if connected
	 */
	public boolean isConnected() {
		return this.session.isConnected();
	}

	/**
	 * Subscribes to a destination and collects its messages.
	 * @param destination e.g. {@code /topic/telemetry}
	 * @return the queue the messages arrive in
	 */
	public BlockingQueue<JsonNode> subscribe(String destination) {
		return subscribe(destination, this.received.computeIfAbsent(destination, (key) -> new LinkedBlockingQueue<>()));
	}

	/**
	 * Subscribes to a destination and collects its messages in a queue of the caller's,
	 * which may collect another destination's too, to see the order of both.
	 * @param destination e.g. {@code /topic/events}
	 * @param queue where the messages arrive
	 * @return the queue
	 */
	public BlockingQueue<JsonNode> subscribe(String destination, BlockingQueue<JsonNode> queue) {
		this.session.subscribe(destination, new StompFrameHandler() {
			@Override
			public Type getPayloadType(StompHeaders headers) {
				return String.class;
			}

			@Override
			public void handleFrame(StompHeaders headers, Object payload) {
				queue.add(json.readTree((String) payload));
			}
		});
		return queue;
	}

	/**
	 * Subscribes with headers of the caller's, such as {@code rate-hz}, and collects each
	 * message with its headers.
	 * @param subscribe the SUBSCRIBE's headers, with its destination
	 * @return the queue the messages arrive in
	 */
	public BlockingQueue<Frame> subscribeFrames(StompHeaders subscribe) {
		BlockingQueue<Frame> queue = new LinkedBlockingQueue<>();
		this.session.subscribe(subscribe, new StompFrameHandler() {
			@Override
			public Type getPayloadType(StompHeaders headers) {
				return String.class;
			}

			@Override
			public void handleFrame(StompHeaders headers, Object payload) {
				queue.add(new Frame(headers, json.readTree((String) payload)));
			}
		});
		return queue;
	}

	/**
	 * Subscribes to {@code /user/queue/replies} and waits until a reply proves the
	 * subscription is active, so no later reply can be missed.
	 * @return the queue of replies, empty
	 */
	public BlockingQueue<JsonNode> subscribeReplies() {
		BlockingQueue<JsonNode> replies = subscribe("/user/queue/replies");
		await().atMost(TIMEOUT).until(() -> {
			send("/app/control", "{\"droneId\":\"none\",\"action\":\"RELEASE\",\"commandId\":\"" + SYNC
					+ syncs.incrementAndGet() + "\"}");
			return replies.poll(200, TimeUnit.MILLISECONDS) != null;
		});
		return replies;
	}

	/**
	 * Subscribes to {@code /user/queue/errors} and waits until an error proves the
	 * subscription is active.
	 * @return the queue of errors, empty
	 */
	public BlockingQueue<JsonNode> subscribeErrors() {
		BlockingQueue<JsonNode> errors = subscribe("/user/queue/errors");
		await().atMost(TIMEOUT).until(() -> {
			send("/app/command", "{\"droneId\":\"none\",\"type\":\"" + SYNC + "\"}");
			return errors.poll(200, TimeUnit.MILLISECONDS) != null;
		});
		return errors;
	}

	/**
	 * Sends a raw JSON body.
	 * @param destination e.g. {@code /app/command}
	 * @param body the JSON text, valid or not
	 */
	public void send(String destination, String body) {
		StompHeaders headers = new StompHeaders();
		headers.setDestination(destination);
		headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
		this.session.send(headers, body);
	}

	/**
	 * Sends a request and waits for its reply on {@code /user/queue/replies}.
	 * @param replies the queue from {@link #subscribeReplies()}
	 * @param destination {@code /app/command} or {@code /app/control}
	 * @param body the JSON request, which must carry the given {@code commandId}
	 * @param commandId the request's id
	 * @return the reply
	 * @throws InterruptedException if interrupted while waiting
	 */
	public JsonNode request(BlockingQueue<JsonNode> replies, String destination, String body, String commandId)
			throws InterruptedException {
		send(destination, body);
		JsonNode reply = next(replies);
		assertThat(reply.path("commandId").asString()).isEqualTo(commandId);
		return reply;
	}

	/**
	 * Takes control of a drone, arms it and takes it off, each request checked to be
	 * {@code ACCEPTED}.
	 * @param replies the queue from {@link #subscribeReplies()}
	 * @param droneId the drone
	 * @param altitude the take-off's altitude, metres
	 * @throws InterruptedException if interrupted while waiting
	 */
	public void takeOff(BlockingQueue<JsonNode> replies, String droneId, int altitude) throws InterruptedException {
		String drone = "{\"droneId\":\"" + droneId + "\",";
		for (String[] request : new String[][] { { "/app/control", "\"action\":\"ACQUIRE\"", "take-1" },
				{ "/app/command", "\"type\":\"ARM\"", "take-2" },
				{ "/app/command", "\"type\":\"TAKEOFF\",\"altitude\":" + altitude, "take-3" } }) {
			JsonNode reply = request(replies, request[0], drone + request[1] + ",\"commandId\":\"" + request[2] + "\"}",
					request[2]);
			assertThat(reply.path("status").asString()).as(reply.toString()).isEqualTo("ACCEPTED");
			assertThat(reply.path("droneId").asString()).isEqualTo(droneId);
		}
	}

	/**
	 * Waits for the next message of a queue, skipping answers to subscription checks.
	 * @param queue a queue from this client
	 * @return the message
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static JsonNode next(BlockingQueue<JsonNode> queue) throws InterruptedException {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (true) {
			JsonNode message = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			assertThat(message).as("a message within " + TIMEOUT).isNotNull();
			if (!isSync(message)) {
				return message;
			}
		}
	}

	/**
	 * Everything a queue holds now, without answers to subscription checks.
	 * @param queue a queue from this client
	 * @return the messages, oldest first
	 */
	public static List<JsonNode> drain(BlockingQueue<JsonNode> queue) {
		List<JsonNode> messages = new ArrayList<>();
		queue.drainTo(messages);
		messages.removeIf(StompTestClient::isSync);
		return messages;
	}

	/**
	 * Everything a queue receives until the hub closes this client's session, without
	 * answers to subscription checks.
	 * @param queue a queue from this client
	 * @return the messages, oldest first
	 */
	public List<JsonNode> drainUntilClosed(BlockingQueue<JsonNode> queue) {
		List<JsonNode> messages = new ArrayList<>();
		await().atMost(TIMEOUT).until(() -> {
			messages.addAll(drain(queue));
			return !isConnected();
		});
		messages.addAll(drain(queue));
		return messages;
	}

	@Override
	public void close() {
		if (this.session.isConnected()) {
			this.session.disconnect();
		}
		this.client.stop();
	}

	/**
	 * Whether a message answers one of the requests that proved a subscription active.
	 */
	private static boolean isSync(JsonNode message) {
		return message.path("commandId").asString("").startsWith(SYNC)
				|| message.path("message").asString("").contains(SYNC);
	}

	/** Passes JSON bodies through as text, so tests see exactly what is on the wire. */
	private static final class RawJsonConverter extends AbstractMessageConverter {

		RawJsonConverter() {
			super(MimeTypeUtils.APPLICATION_JSON);
		}

		@Override
		protected boolean supports(Class<?> clazz) {
			return clazz == String.class;
		}

		@Override
		protected Object convertFromInternal(org.springframework.messaging.Message<?> message, Class<?> targetClass,
				Object conversionHint) {
			return new String((byte[]) message.getPayload(), StandardCharsets.UTF_8);
		}

		@Override
		protected Object convertToInternal(Object payload, MessageHeaders headers, Object conversionHint) {
			return ((String) payload).getBytes(StandardCharsets.UTF_8);
		}

	}

	/**
	 * A MESSAGE as received.
	 *
	 * @param headers its headers
	 * @param body its JSON body
	 */
	public record Frame(StompHeaders headers, JsonNode body) {
	}

	/**
	 * The name of a session the hub accepted, or the message of the ERROR frame that
	 * refused or ended it.
	 */
	private static final class Handshake extends StompSessionHandlerAdapter {

		private final CompletableFuture<String> user = new CompletableFuture<>();

		private final CompletableFuture<String> error = new CompletableFuture<>();

		@Override
		public void afterConnected(StompSession session, StompHeaders connected) {
			this.user.complete(connected.getFirst("user-name"));
		}

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return String.class;
		}

		@Override
		public void handleFrame(StompHeaders headers, @Nullable Object payload) {
			this.error.complete(headers.getFirst("message"));
		}

	}

}
