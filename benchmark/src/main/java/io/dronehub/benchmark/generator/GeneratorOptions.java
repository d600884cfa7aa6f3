package io.dronehub.benchmark.generator;

import java.net.URI;
import java.util.List;

import io.dronehub.benchmark.Options;
import org.jspecify.annotations.Nullable;

/**
 * The generator's settings, from {@code --name=value} arguments.
 *
 * @param url the server's WebSocket URL
 * @param spectators how many healthy spectator connections
 * @param stalled how many extra spectators that stop reading after their first message
 * @param stalledSubscriptions how many telemetry subscriptions each stalled spectator
 * holds
 * @param stalledReceiveBuffer the stalled spectators' SO_RCVBUF, bytes
 * @param connectRate connection attempts per second, at most
 * @param connectConcurrency connection attempts waiting for CONNECTED at once, at most:
 * beyond it the generator waits for the server instead of piling up handshakes that time
 * out
 * @param warmupSeconds seconds between the last connection and the measured window
 * @param durationSeconds length of the measured window, seconds
 * @param deflate whether clients offer permessage-deflate
 * @param login CONNECT login header, or {@code null}
 * @param passcode CONNECT passcode header, or {@code null}
 * @param destination the telemetry topic
 * @param sourceAddresses local addresses to spread connections over, or empty for any
 * @param pilot whether a pilot flies a drone and measures the command round trip
 * @param pilotDrone the drone the pilot flies
 * @param pilotLogin the pilot's login, or {@code null} for the spectators' one
 * @param pilotPasscode the pilot's passcode, or {@code null} for the spectators' one
 * @param fly whether a pilot of its own (with the pilot's login) arms and flies every
 * drone but the pilot's, so that their flights are recorded
 * @param publish whether to publish telemetry (for a broker that has no simulator)
 * @param drones how many drones are published
 * @param rateHz states per drone per second (the publisher's, and the pilot's tick)
 * @param serverPid the server's process id, for CPU and memory readings, or 0
 * @param serverJvm whether the server is a JVM (heap after GC is read with jcmd/jstat)
 * @param metricsUrl the hub's {@code /actuator/prometheus}, to read the flight recorder's
 * meters at both ends of the window, or {@code null}
 * @param metricsLogin an ADMIN user of the hub, for the metrics, or {@code null}
 * @param metricsPasscode that user's password, or {@code null}
 * @param out where to write the results as {@code name=value} lines, or {@code null}
 * @param transport the socket transport: {@code auto} (epoll where available),
 * {@code epoll} or {@code nio}
 * @param flood how many threads flood the hub with logins during the window, or 0
 * @param floodLogin the user they try to log in as
 * @param floodPasscode the wrong password they try
 * @param foxglove whether the healthy spectators speak the Foxglove WebSocket protocol
 * (to the URL's {@code /foxglove}) instead of STOMP, subscribing to every advertised
 * channel whose topic matches {@code foxgloveTopics}
 * @param foxgloveTopics a regular expression of topics
 * @param throttled how many more spectators subscribe with a {@code rate-hz} header
 * @param throttledRateHz the {@code rate-hz} they ask for
 */
record GeneratorOptions(URI url, int spectators, int stalled, int stalledSubscriptions, int stalledReceiveBuffer,
		int connectRate, int connectConcurrency, int warmupSeconds, int durationSeconds, boolean deflate,
		@Nullable String login, @Nullable String passcode, String destination, List<String> sourceAddresses,
		boolean pilot, String pilotDrone, @Nullable String pilotLogin, @Nullable String pilotPasscode, boolean fly,
		boolean publish, int drones, int rateHz, long serverPid, boolean serverJvm, @Nullable String metricsUrl,
		@Nullable String metricsLogin, @Nullable String metricsPasscode, @Nullable String out, String transport,
		int flood, String floodLogin, String floodPasscode, boolean foxglove, String foxgloveTopics, int throttled,
		double throttledRateHz) {

	/**
	 * Reads options; unknown names are an error.
	 * @param args {@code --name=value} arguments
	 * @return the options
	 */
	static GeneratorOptions parse(String[] args) {
		Options reader = Options.parse(args);
		GeneratorOptions options = new GeneratorOptions(URI.create(reader.text("url", "ws://127.0.0.1:8080/ws")),
				reader.integer("spectators", 100), reader.integer("stalled", 0),
				reader.integer("stalled-subscriptions", 2), reader.integer("stalled-receive-buffer", 4096),
				reader.integer("connect-rate", 500), reader.integer("connect-concurrency", 64),
				reader.integer("warmup", 10), reader.integer("duration", 20), reader.bool("deflate", true),
				reader.optional("login"), reader.optional("passcode"), reader.text("destination", "/topic/telemetry"),
				reader.list("source-addresses"), reader.bool("pilot", false), reader.text("pilot-drone", "d1"),
				reader.optional("pilot-login"), reader.optional("pilot-passcode"), reader.bool("fly", false),
				reader.bool("publish", false), reader.integer("drones", 10), reader.integer("rate-hz", 10),
				reader.longInteger("server-pid", 0), reader.bool("server-jvm", true), reader.optional("metrics-url"),
				reader.optional("metrics-login"), reader.optional("metrics-passcode"), reader.optional("out"),
				reader.text("transport", "auto"), reader.integer("flood", 0), reader.text("flood-login", "bench"),
				reader.text("flood-passcode", "wrong"), reader.bool("foxglove", false),
				reader.text("foxglove-topics", "/drones/[^/]+/telemetry"), reader.integer("throttled", 0),
				Double.parseDouble(reader.text("throttled-rate-hz", "1")));
		reader.requireAllRead();
		return options;
	}

}
