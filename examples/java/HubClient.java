import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * A service's view of the Drone Telemetry Hub, with Spring's {@link WebSocketStompClient}:
 * logs in, reads the fleet snapshot, follows one drone's telemetry, then as a pilot takes
 * control, arms, takes off, flies a short mission to its first waypoint, lands, releases
 * control and disconnects.
 * <p>
 * Run it with {@code java --class-path <dependencies> HubClient.java [url [user [password
 * [drone]]]]}, where the dependencies are those of the {@code pom.xml} beside it, which
 * does just that: {@code ./mvnw -q -f examples/java exec:exec}. Each argument may instead
 * come from {@code HUB_URL}, {@code HUB_USER}, {@code HUB_PASSWORD} and {@code HUB_DRONE}.
 * Exits with 0 when the drone took off and reached the mission's first waypoint, 1
 * otherwise.
 */
public class HubClient {

	private static final long TIMEOUT_SECONDS = 10;

	private static final double AIRBORNE_METERS = 2;

	private static final double METERS_PER_DEGREE = 111_195;

	public static void main(String[] args) {
		int status;
		try {
			status = run(args);
		}
		catch (Exception ex) {
			System.out.println("Failed: " + Objects.requireNonNullElse(ex.getMessage(), ex.toString()));
			status = 1;
		}
		System.exit(status);
	}

	private static int run(String[] args) throws Exception {
		String url = setting(args, 0, "HUB_URL", "ws://localhost:8080/ws");
		String user = setting(args, 1, "HUB_USER", "pilot");
		String password = setting(args, 2, "HUB_PASSWORD", "");
		String droneId = setting(args, 3, "HUB_DRONE", "d1");
		if (password.isEmpty()) {
			System.err.println("Usage: java HubClient.java [url [user [password [drone]]]] or HUB_PASSWORD=...");
			System.err.println("The hub logs its generated pilot password at start-up.");
			return 2;
		}

		ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();
		heartbeats.initialize();
		WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
		// JSON bodies as records; the text of an ERROR frame as a String
		stomp.setMessageConverter(new CompositeMessageConverter(
				List.of(new StringMessageConverter(), new JacksonJsonMessageConverter())));
		stomp.setTaskScheduler(heartbeats); // heart-beats every 10 s, as the hub expects

		System.out.println("Connecting to " + url + " as " + user);
		StompHeaders login = new StompHeaders();
		login.setLogin(user);
		login.setPasscode(password);
		CompletableFuture<String> userName = new CompletableFuture<>();
		CompletableFuture<String> refusal = new CompletableFuture<>();
		StompSession session;
		try {
			session = stomp.connectAsync(url, new WebSocketHttpHeaders(), login, new StompSessionHandlerAdapter() {
				@Override
				public void afterConnected(StompSession session, StompHeaders connected) {
					userName.complete(connected.getFirst("user-name"));
				}

				@Override
				public void handleFrame(StompHeaders headers, Object payload) {
					// An ERROR frame, e.g. for a wrong password; the hub then closes the connection
					refusal.complete(headers.getFirst("message"));
				}
			}).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			System.out.println("Connected as " + userName.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
		}
		catch (ExecutionException ex) {
			System.out.println("Could not connect: " + refusal.getNow(ex.getCause().getMessage()));
			return 1;
		}

		// Answered at once, once, with every drone's latest state
		BlockingQueue<DroneState[]> fleet = new LinkedBlockingQueue<>();
		StompSession.Subscription snapshot = session.subscribe("/app/fleet", handler(DroneState[].class, fleet));
		DroneState[] drones = next(fleet, (states) -> true);
		snapshot.unsubscribe();
		System.out.println("Fleet snapshot: " + drones.length + " drones");
		for (DroneState drone : drones) {
			System.out.println("  " + drone);
		}

		BlockingQueue<DroneState> telemetry = new LinkedBlockingQueue<>();
		session.subscribe("/topic/drones/" + droneId + "/telemetry", handler(DroneState.class, telemetry));
		System.out.println("Following " + droneId + "'s telemetry");
		for (int i = 0; i < 3; i++) {
			System.out.println("  " + next(telemetry, (state) -> true));
		}

		BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
		session.subscribe("/user/queue/replies", handler(Reply.class, replies));
		session.subscribe("/user/queue/errors", handler(ErrorMessage.class,
				(error) -> System.out.println("Error: " + error.error() + ": " + error.message())));
		Pilot pilot = new Pilot(session, replies);
		boolean inControl = pilot.request("/app/control", "ACQUIRE", Map.of("droneId", droneId, "action", "ACQUIRE"));
		boolean flying = inControl && pilot.request("/app/command", "ARM", Map.of("droneId", droneId, "type", "ARM"))
				&& pilot.request("/app/command", "TAKEOFF",
						Map.of("droneId", droneId, "type", "TAKEOFF", "altitude", 10));
		boolean reached = false;
		if (flying) {
			DroneState climbing = next(telemetry, (state) -> state.position().alt() >= AIRBORNE_METERS);
			System.out.println("  " + climbing);
			reached = flyMission(pilot, telemetry, droneId, climbing.home());
			pilot.request("/app/command", "LAND", Map.of("droneId", droneId, "type", "LAND"));
		}
		if (inControl) {
			pilot.request("/app/control", "RELEASE", Map.of("droneId", droneId, "action", "RELEASE"));
		}

		session.disconnect();
		stomp.stop();
		System.out.println("Disconnected");
		return (flying && reached) ? 0 : 1;
	}

	/**
	 * Uploads two waypoints north and north-east of home at 10 m, starts them, and waits
	 * for the first.
	 */
	private static boolean flyMission(Pilot pilot, BlockingQueue<DroneState> telemetry, String droneId, Home home)
			throws InterruptedException {
		double north = 10 / METERS_PER_DEGREE;
		double east = 10 / (METERS_PER_DEGREE * Math.cos(Math.toRadians(home.lat())));
		List<Map<String, Object>> items = List.of(
				Map.of("lat", home.lat() + north, "lon", home.lon(), "altitude", 10),
				Map.of("lat", home.lat() + north, "lon", home.lon() + east, "altitude", 10, "speed", 3, "holdS", 2));
		boolean started = pilot.request("/app/mission", "MISSION UPLOAD",
				Map.of("droneId", droneId, "missionId", "example", "items", items, "finish", "HOLD"))
				&& pilot.request("/app/mission", "MISSION START", Map.of("droneId", droneId, "action", "START"));
		if (!started) {
			return false;
		}
		Mission mission = next(telemetry, (state) -> state.mission() != null && state.mission().current() >= 1)
			.mission();
		System.out.println("Mission " + mission.missionId() + ": reached waypoint 1 of " + mission.total());
		return true;
	}

	private static String setting(String[] args, int index, String variable, String fallback) {
		if (args.length > index) {
			return args[index];
		}
		String value = System.getenv(variable);
		return (value != null) ? value : fallback;
	}

	private static <T> StompFrameHandler handler(Class<T> type, BlockingQueue<T> queue) {
		return handler(type, queue::add);
	}

	private static <T> StompFrameHandler handler(Class<T> type, Consumer<T> consumer) {
		return new StompFrameHandler() {
			@Override
			public Type getPayloadType(StompHeaders headers) {
				return type;
			}

			@Override
			public void handleFrame(StompHeaders headers, Object payload) {
				consumer.accept(type.cast(payload));
			}
		};
	}

	/** Waits for the first message that matches, dropping those before it. */
	private static <T> T next(BlockingQueue<T> queue, Predicate<T> match) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
		while (true) {
			T message = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (message == null) {
				throw new IllegalStateException("nothing from the hub in " + TIMEOUT_SECONDS + " s");
			}
			if (match.test(message)) {
				return message;
			}
		}
	}

	/** Sends requests and waits for each one's reply, matched by its commandId. */
	private static final class Pilot {

		private final StompSession session;

		private final BlockingQueue<Reply> replies;

		private int commands;

		Pilot(StompSession session, BlockingQueue<Reply> replies) {
			this.session = session;
			this.replies = replies;
		}

		boolean request(String destination, String name, Map<String, Object> request) throws InterruptedException {
			String commandId = "c-" + (++this.commands);
			Map<String, Object> body = new HashMap<>(request);
			body.put("commandId", commandId);
			this.session.send(destination, body);
			Reply reply = next(this.replies, (candidate) -> commandId.equals(candidate.commandId()));
			boolean accepted = "ACCEPTED".equals(reply.status());
			System.out.println(name + (accepted ? " accepted" : " rejected: " + reply.code() + " (" + reply.reason() + ")"));
			return accepted;
		}

	}

	/** The telemetry fields this client reads; the hub sends more, which Jackson ignores. */
	record DroneState(String droneId, long seq, String mode, Position position, double groundSpeed, double heading,
			Battery battery, Home home, String pilot, Mission mission) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%s #%d %s alt %.1f m, %.1f m/s, heading %.0f, battery %.1f%%, pilot %s", this.droneId,
					this.seq, this.mode, this.position.alt(), this.groundSpeed, this.heading, this.battery.percent(),
					(this.pilot != null) ? this.pilot : "none");
		}

	}

	record Position(double lat, double lon, double alt) {
	}

	record Battery(double percent, double voltage) {
	}

	record Home(double lat, double lon) {
	}

	/** A drone's mission, left out of telemetry while it has none. */
	record Mission(String missionId, int current, int total, String state) {
	}

	/** The hub's answer to one request on /user/queue/replies. */
	record Reply(String commandId, String droneId, String status, String code, String reason) {
	}

	/** A frame of ours the hub could not understand or refused, on /user/queue/errors. */
	record ErrorMessage(String error, String message) {
	}

}
