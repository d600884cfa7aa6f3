package io.dronehub.benchmark.generator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * A pilot: takes control of one drone, arms it, takes off to 10 m, waits for HOLD, then
 * sends MOVE at 20 Hz with yaw rates coded by {@link YawCode}, and measures the time from
 * each SEND to the first telemetry frame of that drone that shows its yaw rate. Commands
 * overtaken by a newer one before a tick applied them are counted as superseded. Owned by
 * the event-loop thread.
 */
final class PilotConnection extends StompConnection {

	private static final long MOVE_PERIOD_MILLIS = 50;

	private static final int KEPT_PENDING = 64;

	private static final Pattern STATUS = Pattern.compile("\"status\":\"(\\w+)\"");

	private static final Pattern REASON = Pattern.compile("\"reason\":\"([^\"]*)\"");

	private static final Pattern MODE = Pattern.compile("\"mode\":\"(\\w+)\"");

	private static final Pattern HEADING = Pattern.compile("\"heading\":(-?[0-9.]+)");

	private final Histogram roundTripMicros = new Histogram(60_000_000L, 3);

	private final ArrayDeque<PendingMove> pending = new ArrayDeque<>();

	private final String droneId;

	private final YawCode yaw;

	private final DeliveryStats window;

	private Stage stage = Stage.ACQUIRE;

	private long movesSent;

	private long superseded;

	private long previousSeq;

	private double previousHeading;

	private @Nullable String failure;

	/**
	 * Creates a pilot.
	 * @param registry tracks the connection
	 * @param window tells whether the measured window is open
	 * @param droneId the drone to fly
	 * @param rateHz the simulator's tick rate
	 * @param login CONNECT login, or {@code null}
	 * @param passcode CONNECT passcode, or {@code null}
	 */
	PilotConnection(ConnectionRegistry registry, DeliveryStats window, String droneId, int rateHz,
			@Nullable String login, @Nullable String passcode) {
		super(registry, login, passcode);
		this.window = window;
		this.droneId = droneId;
		this.yaw = YawCode.forRate(rateHz);
	}

	@Override
	void onConnected(Channel channel) {
		channel.write(StompFrames.subscribe("replies", "/user/queue/replies"));
		channel.write(StompFrames.subscribe("drone", "/topic/drones/" + this.droneId + "/telemetry"));
		channel.writeAndFlush(send("/app/control", "{\"droneId\":\"%s\",\"action\":\"ACQUIRE\"}"));
	}

	@Override
	void onMessage(StompFrame frame, long receivedMillis) {
		String body = frame.bodyText();
		Matcher status = STATUS.matcher(body);
		if (status.find()) {
			onReply(status.group(1), body);
		}
		else if (body.contains("\"seq\":")) {
			onTelemetry(TelemetryFields.read(frame).seq(), body);
		}
	}

	private void onReply(String status, String body) {
		if (this.stage.ordinal() > Stage.TAKEOFF.ordinal()) {
			return;
		}
		if (!"ACCEPTED".equals(status)) {
			Matcher reason = REASON.matcher(body);
			fail(this.stage + " " + status + ((reason.find()) ? ": " + reason.group(1) : ""));
			return;
		}
		switch (this.stage) {
			case ACQUIRE -> {
				this.stage = Stage.ARM;
				channel().writeAndFlush(send("/app/command", "{\"droneId\":\"%s\",\"type\":\"ARM\"}"));
			}
			case ARM -> {
				this.stage = Stage.TAKEOFF;
				channel()
					.writeAndFlush(send("/app/command", "{\"droneId\":\"%s\",\"type\":\"TAKEOFF\",\"altitude\":10}"));
			}
			case TAKEOFF -> this.stage = Stage.CLIMB;
			default -> {
			}
		}
	}

	private void onTelemetry(long seq, String body) {
		if (this.stage == Stage.CLIMB) {
			Matcher mode = MODE.matcher(body);
			if (mode.find() && "HOLD".equals(mode.group(1))) {
				this.stage = Stage.FLY;
				channel().eventLoop().scheduleAtFixedRate(this::sendMove, 0, MOVE_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
			}
		}
		Matcher heading = HEADING.matcher(body);
		if (!heading.find()) {
			return;
		}
		double value = Double.parseDouble(heading.group(1));
		if (this.stage == Stage.FLY && seq == this.previousSeq + 1) {
			matchMove(this.yaw.observedRate(this.previousHeading, value));
		}
		this.previousSeq = seq;
		this.previousHeading = value;
	}

	private void matchMove(double observedRate) {
		long now = System.nanoTime();
		Iterator<PendingMove> newestFirst = this.pending.descendingIterator();
		while (newestFirst.hasNext()) {
			PendingMove move = newestFirst.next();
			if (this.yaw.matches(move.yawRate(), observedRate)) {
				if (move.measured()) {
					this.roundTripMicros.recordValue(Math.min((now - move.sentNanos()) / 1000, 60_000_000L));
				}
				newestFirst.remove();
				while (newestFirst.hasNext()) {
					newestFirst.next();
					newestFirst.remove();
					this.superseded++;
				}
				return;
			}
		}
	}

	private void sendMove() {
		if (!channel().isActive()) {
			return;
		}
		double rate = this.yaw.rate(this.movesSent++);
		if (this.pending.size() == KEPT_PENDING) {
			this.pending.removeFirst();
			this.superseded++;
		}
		this.pending.addLast(new PendingMove(rate, System.nanoTime(), this.window.measuring()));
		channel().writeAndFlush(send("/app/command", String.format(Locale.ROOT,
				"{\"droneId\":\"%%s\",\"type\":\"MOVE\",\"forward\":0,\"right\":0,\"up\":0,\"yawRate\":%.1f}", rate)));
	}

	private TextWebSocketFrame send(String destination, String jsonFormat) {
		return StompFrames.send(destination, String.format(jsonFormat, this.droneId).getBytes(StandardCharsets.UTF_8));
	}

	private void fail(String reason) {
		this.failure = reason;
		this.stage = Stage.FAILED;
	}

	/**
	 * Round trips of commands sent during the measured window.
	 * @return microseconds from SEND to the first frame that reflects the command
	 */
	Histogram roundTripMicros() {
		return this.roundTripMicros;
	}

	long movesSent() {
		return this.movesSent;
	}

	long superseded() {
		return this.superseded;
	}

	/**
	 * Whether the pilot is sending MOVE commands (or gave up).
	 * @return {@code true} once flying or failed
	 */
	boolean settled() {
		return this.stage == Stage.FLY || this.stage == Stage.FAILED;
	}

	/**
	 * Where the pilot got to, with the reason when it failed.
	 * @return a short description
	 */
	String status() {
		return (this.failure != null) ? "failed at " + this.failure : this.stage.name();
	}

	private enum Stage {

		ACQUIRE, ARM, TAKEOFF, CLIMB, FLY, FAILED

	}

	private record PendingMove(double yawRate, long sentNanos, boolean measured) {
	}

}
