package io.dronehub.benchmark.generator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dronehub.benchmark.generator.FlownDrone.Home;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.jspecify.annotations.Nullable;

/**
 * A pilot of many drones at once, so that their flights are recorded: one session that
 * takes control of each drone and flies it as {@link FlownDrone} says, watching the whole
 * fleet on {@code /topic/telemetry}. Its deliveries are not counted with the spectators'.
 * Owned by the event-loop thread.
 */
final class FleetPilotConnection extends StompConnection {

	private static final String REPLIES = "replies";

	private static final Pattern DRONE_ID = Pattern.compile("\"droneId\":\"([^\"]+)\"");

	private static final Pattern STATUS = Pattern.compile("\"status\":\"(\\w+)\"");

	private static final Pattern REASON = Pattern.compile("\"reason\":\"([^\"]*)\"");

	private static final Pattern MODE = Pattern.compile("\"mode\":\"(\\w+)\"");

	private static final Pattern FAILSAFE = Pattern.compile("\"failsafe\":\"(\\w+)\"");

	private static final Pattern HOME = Pattern.compile("\"home\":\\{\"lat\":(-?[0-9.Ee-]+),\"lon\":(-?[0-9.Ee-]+)\\}");

	private final Map<String, FlownDrone> drones = new LinkedHashMap<>();

	/**
	 * Creates a pilot of several drones.
	 * @param registry tracks the connection
	 * @param droneIds the drones to fly
	 * @param login CONNECT login, or {@code null}
	 * @param passcode CONNECT passcode, or {@code null}
	 */
	FleetPilotConnection(ConnectionRegistry registry, List<String> droneIds, @Nullable String login,
			@Nullable String passcode) {
		super(registry, login, passcode);
		droneIds.forEach((droneId) -> this.drones.put(droneId, new FlownDrone(droneId)));
	}

	@Override
	void onConnected(Channel channel) {
		channel.write(StompFrames.subscribe(REPLIES, "/user/queue/replies"));
		channel.write(StompFrames.subscribe("fleet", "/topic/telemetry"));
		this.drones.values().forEach((drone) -> channel.write(send("/app/control", drone.acquire())));
		channel.flush();
	}

	@Override
	void onMessage(StompFrame frame, long receivedMillis) {
		String body = frame.bodyText();
		Matcher droneId = DRONE_ID.matcher(body);
		FlownDrone drone = droneId.find() ? this.drones.get(droneId.group(1)) : null;
		if (drone == null) {
			return;
		}
		String next;
		if (REPLIES.equals(frame.header("subscription"))) {
			Matcher status = STATUS.matcher(body);
			Matcher reason = REASON.matcher(body);
			next = drone.replied(status.find() && "ACCEPTED".equals(status.group(1)),
					reason.find() ? reason.group(1) : null);
		}
		else {
			Matcher mode = MODE.matcher(body);
			Matcher home = HOME.matcher(body);
			if (!mode.find() || !home.find()) {
				return;
			}
			Matcher failsafe = FAILSAFE.matcher(body);
			next = drone.state(mode.group(1), body.contains("\"armed\":true"),
					failsafe.find() ? failsafe.group(1) : null,
					new Home(Double.parseDouble(home.group(1)), Double.parseDouble(home.group(2))), System.nanoTime());
		}
		if (next != null) {
			channel().writeAndFlush(send("/app/command", next));
		}
	}

	/**
	 * Whether every drone is airborne or given up, so that the warm-up can start.
	 * @return {@code true} when nothing is left to wait for
	 */
	boolean settled() {
		return this.drones.values().stream().allMatch(FlownDrone::settled);
	}

	/**
	 * How many drones are flown.
	 * @return the count
	 */
	int drones() {
		return this.drones.size();
	}

	/**
	 * How many drones are armed, by their latest state: the flights being recorded.
	 * @return the count
	 */
	int armed() {
		return (int) this.drones.values().stream().filter(FlownDrone::armed).count();
	}

	/**
	 * How many drones left their circuit by themselves.
	 * @return the count
	 */
	int interrupted() {
		return (int) this.drones.values().stream().filter(FlownDrone::interrupted).count();
	}

	/**
	 * How many GOTO legs were sent, over all drones.
	 * @return the count
	 */
	int legs() {
		return this.drones.values().stream().mapToInt(FlownDrone::legs).sum();
	}

	/**
	 * Where the fleet got to.
	 * @return {@code flying}, or the first drones' failures
	 */
	String status() {
		List<String> failures = this.drones.values()
			.stream()
			.map(FlownDrone::failure)
			.filter(Objects::nonNull)
			.limit(3)
			.toList();
		return failures.isEmpty() ? "flying" : String.join("; ", failures);
	}

	private static TextWebSocketFrame send(String destination, String json) {
		return StompFrames.send(destination, json.getBytes(StandardCharsets.UTF_8));
	}

}
