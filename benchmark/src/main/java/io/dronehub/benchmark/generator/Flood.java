package io.dronehub.benchmark.generator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * A flood of login attempts from one address: each of {@code parallel} threads opens a
 * WebSocket, sends a CONNECT with a wrong password, reads the answer and starts again, as
 * fast as the hub answers, for as long as it runs. The outcomes are counted by kind:
 * {@code 429} (the handshake was refused), {@code invalid} (the password was checked),
 * {@code throttled} (it was not: too many failures), {@code error} (anything else).
 */
final class Flood {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final URI url;

	private final String connect;

	private final int parallel;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	Flood(URI url, String login, String passcode, int parallel) {
		this.url = url;
		this.connect = "CONNECT\naccept-version:1.2\nhost:localhost\nlogin:" + login + "\npasscode:" + passcode
				+ "\nheart-beat:0,0\n\n\0";
		this.parallel = parallel;
	}

	void start() {
		this.running = true;
		for (int i = 0; i < this.parallel; i++) {
			Thread thread = new Thread(this::loop, "flood-" + i);
			thread.setDaemon(true);
			this.threads.add(thread);
			thread.start();
		}
	}

	void stop() throws InterruptedException {
		this.running = false;
		for (Thread thread : this.threads) {
			thread.join(TIMEOUT.toMillis() * 2);
		}
	}

	/**
	 * The attempts so far by outcome.
	 * @return e.g. {@code 429 1180, invalid 10, throttled 206}
	 */
	Map<String, Long> outcomes() {
		return this.outcomes.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().sum(), Long::sum, TreeMap::new));
	}

	long attempts() {
		return outcomes().values().stream().mapToLong(Long::longValue).sum();
	}

	private void loop() {
		while (this.running) {
			this.outcomes.computeIfAbsent(attempt(), (kind) -> new LongAdder()).increment();
		}
	}

	private String attempt() {
		CompletableFuture<String> answer = new CompletableFuture<>();
		WebSocket socket;
		try {
			socket = this.http.newWebSocketBuilder()
				.subprotocols("v12.stomp")
				.buildAsync(this.url, new Listener(answer))
				.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			return (ex.getCause() instanceof WebSocketHandshakeException refused)
					? String.valueOf(refused.getResponse().statusCode()) : "error";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "error";
		}
		catch (TimeoutException ex) {
			return "error";
		}
		try {
			socket.sendText(this.connect, true);
			String frame = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			if (frame.contains("message:invalid login")) {
				return "invalid";
			}
			return frame.contains("message:too many failed logins") ? "throttled" : "error";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "error";
		}
		catch (ExecutionException | TimeoutException ex) {
			return "error";
		}
		finally {
			socket.abort();
		}
	}

	/** Completes with the first text message the hub sends. */
	private record Listener(CompletableFuture<String> answer) implements WebSocket.Listener {

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			this.answer.complete(data.toString());
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
			this.answer.complete("closed " + status);
			return null;
		}

		@Override
		public void onError(WebSocket socket, Throwable error) {
			this.answer.complete("error " + error);
		}

	}

}
