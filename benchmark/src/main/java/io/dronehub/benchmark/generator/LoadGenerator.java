package io.dronehub.benchmark.generator;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sun.management.OperatingSystemMXBean;
import io.dronehub.benchmark.Results;
import io.dronehub.benchmark.ServerProbe;
import io.dronehub.benchmark.ServerThreads;
import io.dronehub.benchmark.generator.HubMetrics.Scrape;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import org.jspecify.annotations.Nullable;

/**
 * Runs one load: connects the spectators (and the pilot or publisher) at a bounded rate,
 * warms up, measures for a fixed window, reads the server's CPU and memory, closes
 * everything and writes the results. All connections run on one event-loop thread, so the
 * generator's cost stays on one core and its statistics need no locks.
 */
public final class LoadGenerator {

	private static final long CONNECT_TICK_MILLIS = 10;

	private static final int CONNECT_GRACE_SECONDS = 90;

	private static final int PILOT_TAKEOFF_SECONDS = 60;

	private static final int STALLED_CLOSE_SECONDS = 3;

	private final GeneratorOptions options;

	private final Transport transport;

	private final EventLoopGroup group;

	private final EventLoop loop;

	private final ConnectionRegistry registry = new ConnectionRegistry();

	private final DeliveryStats healthy = new DeliveryStats();

	private final DeliveryStats stalled = new DeliveryStats();

	private final DeliveryStats throttled = new DeliveryStats();

	private final ArrivalSpacing throttledSpacing;

	private final WebSocketConnector connector;

	private final @Nullable ServerProbe server;

	private final @Nullable HubMetrics metrics;

	private @Nullable PilotConnection pilot;

	private @Nullable FleetPilotConnection fleetPilot;

	private @Nullable PublisherConnection publisher;

	private LoadGenerator(GeneratorOptions options) {
		this.options = options;
		this.throttledSpacing = new ArrivalSpacing(Math.round(1000 / options.throttledRateHz()));
		this.transport = Transport.named(options.transport());
		this.group = new MultiThreadIoEventLoopGroup(1, this.transport.ioHandlerFactory());
		this.loop = this.group.next();
		this.connector = new WebSocketConnector(this.group, this.transport.channelClass(), options.url(),
				options.deflate(), options.sourceAddresses(),
				options.foxglove() ? WebSocketConnector.FOXGLOVE_SUBPROTOCOLS : WebSocketConnector.STOMP_SUBPROTOCOLS);
		this.server = (options.serverPid() > 0) ? new ServerProbe(options.serverPid(), options.serverJvm()) : null;
		this.metrics = (options.metricsUrl() != null)
				? new HubMetrics(URI.create(options.metricsUrl()), options.metricsLogin(), options.metricsPasscode())
				: null;
		this.registry.groups(this.healthy, this.stalled, this.throttled);
	}

	/**
	 * Runs the generator.
	 * @param args {@code --name=value} options, see {@link GeneratorOptions}
	 * @throws Exception when the run cannot complete
	 */
	public static void main(String[] args) throws Exception {
		LoadGenerator generator = new LoadGenerator(GeneratorOptions.parse(args));
		try {
			generator.run();
		}
		finally {
			generator.group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
		}
	}

	private void run() throws Exception {
		Results results = new Results();
		results.put("spectators", this.options.spectators());
		results.put("stalled", this.options.stalled());
		results.put("throttled", this.options.throttled());
		results.put("transport", this.transport.name().toLowerCase(Locale.ROOT));
		long idleHeap = (this.server != null) ? this.server.heapAfterGcKib() : -1;
		long idleRss = (this.server != null) ? this.server.residentKib() : -1;

		long connectStart = System.nanoTime();
		connectAll();
		double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
		int ready = onLoop(this.registry::ready);
		// the pilots fly before the warm-up, so that their commands' code (and the
		// recording of their flights) is compiled by the window
		awaitPilots();
		log("%d connections ready in %.1f s (%d failed), warming up %d s", ready, connectSeconds,
				onLoop(this.registry::failed), this.options.warmupSeconds());
		// a first scrape in the warm-up, so that the one opening the window finds its
		// code compiled
		scrapeMetrics();
		Thread.sleep(this.options.warmupSeconds() * 1000L);
		Scrape metricsBefore = scrapeMetrics();

		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		int armedAtStart = onLoop(this::armedDrones);
		long publishedStart = onLoop(() -> {
			this.healthy.measuring(true);
			this.stalled.measuring(true);
			this.throttled.measuring(true);
			this.throttledSpacing.measuring(true);
			return publishedSoFar();
		});
		Flood flood = (this.options.flood() > 0) ? new Flood(this.options.url(), this.options.floodLogin(),
				this.options.floodPasscode(), this.options.flood()) : null;
		if (flood != null) {
			flood.start();
		}
		long windowStart = System.nanoTime();
		long generatorCpuStart = os.getProcessCpuTime();
		double serverCpuStart = (this.server != null) ? this.server.cpuSeconds() : 0;
		double serverKernelStart = (this.server != null) ? this.server.kernelCpuSeconds() : 0;
		Map<ServerThreads, Double> threadCpuStart = (this.server != null) ? this.server.threadCpuSeconds() : Map.of();
		log("measuring for %d s", this.options.durationSeconds());
		Thread.sleep(this.options.durationSeconds() * 1000L);
		long publishedEnd = onLoop(() -> {
			this.healthy.measuring(false);
			this.stalled.measuring(false);
			this.throttled.measuring(false);
			this.throttledSpacing.measuring(false);
			return publishedSoFar();
		});
		double window = (System.nanoTime() - windowStart) / 1e9;
		if (flood != null) {
			flood.stop();
		}
		double generatorCpu = (os.getProcessCpuTime() - generatorCpuStart) / 1e9;
		double serverCpu = (this.server != null) ? this.server.cpuSeconds() - serverCpuStart : 0;
		double serverKernel = (this.server != null) ? this.server.kernelCpuSeconds() - serverKernelStart : 0;
		Map<ServerThreads, Double> threadCpu = new EnumMap<>(ServerThreads.class);
		if (this.server != null) {
			this.server.threadCpuSeconds()
				.forEach((kind, seconds) -> threadCpu.put(kind, seconds - threadCpuStart.getOrDefault(kind, 0.0)));
		}
		double compilerCpu = threadCpu.getOrDefault(ServerThreads.JIT, 0.0);
		Scrape metricsAfter = scrapeMetrics();
		long loadedRss = (this.server != null) ? this.server.residentKib() : -1;
		int openAtEnd = onLoop(this.registry::openSpectators);
		int armedAtEnd = onLoop(this::armedDrones);
		long loadedHeap = (this.server != null) ? this.server.heapAfterGcKib() : -1;
		resumeStalled();

		onLoop(() -> {
			this.registry.shutDown().forEach((connection) -> connection.channel().close());
			return null;
		});

		results.put("connections_ready", ready);
		results.put("connections_failed", (long) onLoop(this.registry::failed));
		results.put("connections_open_at_end", openAtEnd);
		results.put("connect_seconds", connectSeconds);
		double readySpan = onLoop(this.registry::readySpanSeconds);
		results.put("connect_rate", ready / Math.max(readySpan, 1e-3));
		int deflated = onLoop(this.registry::deflated);
		int handshakes = onLoop(this.registry::handshakes);
		results.put("deflate_negotiated", deflated + "/" + handshakes);
		results.put("window_seconds", window);
		results.put("published_per_s", (publishedEnd - publishedStart) / window);
		if (metricsBefore != null && metricsAfter != null) {
			new RecorderFigures(metricsBefore.samples(), metricsAfter.samples(),
					metricsAfter.secondsSince(metricsBefore))
				.addTo(results);
			results.put("simulation_skipped_ticks",
					(long) growth(metricsBefore, metricsAfter, "hub_simulation_skipped_total"));
			results.put("logins_checked",
					(long) (growth(metricsBefore, metricsAfter, "hub_security_logins_total", "result=failure")
							+ growth(metricsBefore, metricsAfter, "hub_security_logins_total", "result=success")));
			results.put("handshakes_limited",
					(long) growth(metricsBefore, metricsAfter, "hub_security_handshakes_total", "result=limited"));
		}
		if (flood != null) {
			results.put("flood_parallel", this.options.flood());
			results.put("flood_attempts", flood.attempts());
			results.put("flood_attempts_per_s", flood.attempts() / window);
			results.put("flood_outcomes",
					flood.outcomes()
						.entrySet()
						.stream()
						.map((outcome) -> outcome.getKey() + " " + outcome.getValue())
						.collect(Collectors.joining(" ")));
		}
		FleetPilotConnection fleetPilot = this.fleetPilot;
		if (fleetPilot != null) {
			results.put("fly_drones", fleetPilot.drones());
			results.put("fly_armed_start", armedAtStart);
			results.put("fly_armed_end", armedAtEnd);
			results.put("fly_interrupted", (long) onLoop(fleetPilot::interrupted));
			results.put("fly_legs", (long) onLoop(fleetPilot::legs));
			results.put("fly_status", onLoop(fleetPilot::status));
		}
		onLoop(() -> {
			addDeliveries(results, window);
			return null;
		});
		results.put("generator_cpu_pct", 100 * generatorCpu / window);
		long deliveries = results.longValue("delivered") + results.longValue("stalled_delivered")
				+ results.longValue("throttled_delivered");
		results.put("server_cpu_pct", 100 * serverCpu / window);
		// of which the kernel's: one write system call per WebSocket message costs more
		// than the rest of a delivery where each message carries one frame
		results.put("server_kernel_cpu_pct", 100 * serverKernel / window);
		results.put("server_cpu_us_per_delivery", (deliveries > 0) ? serverCpu * 1e6 / deliveries : -1);
		// the JIT compiler's share: still large in a young JVM, and larger the more code
		// the load exercises (a recorder's database engine, say), which fades over
		// minutes; unknown (-1) for a server that is not a JVM
		results.put("server_jit_cpu_pct", this.options.serverJvm() ? 100 * compilerCpu / window : -1);
		results.put("server_cpu_us_per_delivery_without_jit",
				(deliveries > 0) ? (serverCpu - compilerCpu) * 1e6 / deliveries : -1);
		results.put("server_threads_cpu_pct",
				threadCpu.entrySet()
					.stream()
					.map((kind) -> String.format(Locale.ROOT, "%s %.1f", kind.getKey().name().toLowerCase(Locale.ROOT),
							100 * kind.getValue() / window))
					.collect(Collectors.joining(" ")));
		results.put("server_rss_idle_kib", idleRss);
		results.put("server_rss_kib", loadedRss);
		results.put("server_heap_idle_kib", idleHeap);
		results.put("server_heap_kib", loadedHeap);
		results.put("errors", String.join(" | ", onLoop(() -> new ArrayList<>(this.registry.errors()))));
		String text = results.text();
		System.out.print(text);
		if (this.options.out() != null) {
			Files.writeString(Path.of(this.options.out()), text);
		}
	}

	private void connectAll() throws InterruptedException, ExecutionException {
		List<Callable<StompConnection>> plan = new ArrayList<>();
		GeneratorOptions o = this.options;
		if (o.publish()) {
			plan.add(() -> this.publisher = new PublisherConnection(this.registry, o.destination(), o.drones(),
					o.rateHz(), o.login(), o.passcode()));
		}
		if (o.pilot()) {
			plan.add(() -> this.pilot = new PilotConnection(this.registry, this.healthy, o.pilotDrone(), o.rateHz(),
					(o.pilotLogin() != null) ? o.pilotLogin() : o.login(),
					(o.pilotPasscode() != null) ? o.pilotPasscode() : o.passcode()));
		}
		if (o.fly()) {
			List<String> droneIds = new ArrayList<>();
			for (int i = 1; i <= o.drones(); i++) {
				if (!o.pilot() || !o.pilotDrone().equals("d" + i)) {
					droneIds.add("d" + i);
				}
			}
			plan.add(() -> this.fleetPilot = new FleetPilotConnection(this.registry, droneIds,
					(o.pilotLogin() != null) ? o.pilotLogin() : o.login(),
					(o.pilotPasscode() != null) ? o.pilotPasscode() : o.passcode()));
		}
		Pattern foxgloveTopics = Pattern.compile(o.foxgloveTopics());
		for (int i = 0; i < o.spectators(); i++) {
			plan.add(() -> o.foxglove() ? new FoxgloveSpectator(this.registry, this.healthy, foxgloveTopics)
					: new SpectatorConnection(this.registry, this.healthy, o.destination(), 1, false, null, o.login(),
							o.passcode()));
		}
		SpectatorConnection.RateLimit rate = new SpectatorConnection.RateLimit(rateHeader(o.throttledRateHz()),
				this.throttledSpacing);
		for (int i = 0; i < o.throttled(); i++) {
			plan.add(() -> new SpectatorConnection(this.registry, this.throttled, o.destination(), 1, false, rate,
					o.login(), o.passcode()));
		}
		for (int i = 0; i < o.stalled(); i++) {
			plan.add(() -> new SpectatorConnection(this.registry, this.stalled, o.destination(),
					o.stalledSubscriptions(), true, null, o.login(), o.passcode()));
		}
		int perTick = (int) Math.max(1, Math.ceil(o.connectRate() * CONNECT_TICK_MILLIS / 1000.0));
		int[] launched = { 0 };
		ScheduledFuture<?> pacing = this.loop.scheduleAtFixedRate(() -> {
			int connecting = launched[0] - this.registry.ready() - this.registry.failed();
			for (int i = 0; i < perTick && launched[0] < plan.size() && connecting < o.connectConcurrency(); i++) {
				launch(plan.get(launched[0]++));
				connecting++;
			}
		}, 0, CONNECT_TICK_MILLIS, TimeUnit.MILLISECONDS);
		long deadline = System.nanoTime()
				+ TimeUnit.SECONDS.toNanos(plan.size() / Math.max(o.connectRate(), 1) + CONNECT_GRACE_SECONDS);
		while (System.nanoTime() < deadline
				&& onLoop(() -> this.registry.ready() + this.registry.failed()) < plan.size()) {
			Thread.sleep(100);
		}
		pacing.cancel(false);
	}

	/**
	 * States published so far: counted by the publisher when there is one, else the
	 * growth of each drone's highest {@code seq} the spectators saw (which lags the
	 * server's publishing while the server is backlogged).
	 */
	private long publishedSoFar() {
		PublisherConnection publisher = this.publisher;
		return (publisher != null) ? publisher.published() : this.healthy.publishedSeqSum();
	}

	private void awaitPilots() throws InterruptedException, ExecutionException {
		PilotConnection pilot = this.pilot;
		FleetPilotConnection fleetPilot = this.fleetPilot;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PILOT_TAKEOFF_SECONDS);
		while (System.nanoTime() < deadline && ((pilot != null && !onLoop(pilot::settled))
				|| (fleetPilot != null && !onLoop(fleetPilot::settled)))) {
			Thread.sleep(100);
		}
	}

	/**
	 * Reads the hub's recorder meters, outside the measured window.
	 * @return the samples, or {@code null} when not asked for or when the hub did not
	 * answer (which is reported)
	 */
	private @Nullable Scrape scrapeMetrics() throws InterruptedException, ExecutionException {
		HubMetrics metrics = this.metrics;
		if (metrics == null) {
			return null;
		}
		try {
			return metrics.scrape();
		}
		catch (IOException | RuntimeException ex) {
			String error = "metrics: " + ex.getMessage();
			onLoop(() -> {
				this.registry.error(error);
				return null;
			});
			return null;
		}
	}

	private static double growth(Scrape before, Scrape after, String name, String... labels) {
		return after.samples().value(name, labels).orElse(0) - before.samples().value(name, labels).orElse(0);
	}

	/**
	 * How many of the fleet pilot's drones are armed: the flights being recorded.
	 * @return the count, or 0 without a fleet pilot
	 */
	private int armedDrones() {
		FleetPilotConnection fleetPilot = this.fleetPilot;
		return (fleetPilot != null) ? fleetPilot.armed() : 0;
	}

	/**
	 * Lets the stalled spectators read again and waits a little for them to reach the
	 * server's close, if it closed them: a client that does not read never sees it.
	 */
	private void resumeStalled() throws InterruptedException, ExecutionException {
		onLoop(() -> {
			this.registry.openStalled().forEach(SpectatorConnection::resume);
			return null;
		});
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STALLED_CLOSE_SECONDS);
		while (System.nanoTime() < deadline && !onLoop(this.registry::openStalled).isEmpty()) {
			Thread.sleep(100);
		}
	}

	private void launch(Callable<StompConnection> factory) {
		try {
			StompConnection connection = factory.call();
			int receiveBuffer = (connection instanceof SpectatorConnection spectator && spectator.stalled())
					? this.options.stalledReceiveBuffer() : 0;
			this.connector.connect(connection, receiveBuffer).addListener((future) -> {
				if (!future.isSuccess()) {
					this.registry.failed("connect: " + future.cause().getMessage());
				}
			});
		}
		catch (Exception ex) {
			this.registry.failed(ex.toString());
		}
	}

	private void addDeliveries(Results results, double window) {
		results.put("delivered", this.healthy.delivered());
		results.put("delivered_per_s", this.healthy.delivered() / window);
		results.put("p50_ms", this.healthy.latencyMillis().getValueAtPercentile(50));
		results.put("p99_ms", this.healthy.latencyMillis().getValueAtPercentile(99));
		results.put("p999_ms", this.healthy.latencyMillis().getValueAtPercentile(99.9));
		results.put("max_ms", this.healthy.latencyMillis().getMaxValue());
		results.put("lost", this.healthy.lost());
		results.put("reordered", this.healthy.reordered());
		results.put("disconnected", this.healthy.disconnected());
		results.put("stalled_delivered", this.stalled.delivered());
		results.put("stalled_disconnected", this.stalled.disconnected());
		results.put("throttled_delivered", this.throttled.delivered());
		if (this.options.throttled() > 0) {
			results.put("throttled_rate_hz", rateHeader(this.options.throttledRateHz()));
			results.put("throttled_delivered_per_s", this.throttled.delivered() / window);
			results.put("throttled_lost", this.throttled.lost());
			results.put("throttled_reordered", this.throttled.reordered());
			results.put("throttled_disconnected", this.throttled.disconnected());
			results.put("throttled_p99_ms", this.throttled.latencyMillis().getValueAtPercentile(99));
			results.put("throttled_jitter_p50_ms", this.throttledSpacing.jitterMillis().getValueAtPercentile(50));
			results.put("throttled_jitter_p99_ms", this.throttledSpacing.jitterMillis().getValueAtPercentile(99));
			results.put("throttled_jitter_max_ms", this.throttledSpacing.jitterMillis().getMaxValue());
			results.put("throttled_spacing_min_ticks", this.throttledSpacing.minTicks());
			results.put("throttled_spacing_max_ticks", this.throttledSpacing.maxTicks());
			results.put("throttled_overstated_skips", this.throttledSpacing.overstatedSkips());
		}
		PilotConnection pilot = this.pilot;
		if (pilot != null) {
			results.put("pilot_status", pilot.status());
			results.put("pilot_moves_sent", pilot.movesSent());
			results.put("pilot_round_trips", pilot.roundTripMicros().getTotalCount());
			results.put("pilot_superseded", pilot.superseded());
			results.put("pilot_p50_ms", pilot.roundTripMicros().getValueAtPercentile(50) / 1000.0);
			results.put("pilot_p99_ms", pilot.roundTripMicros().getValueAtPercentile(99) / 1000.0);
		}
		PublisherConnection publisher = this.publisher;
		if (publisher != null) {
			results.put("publisher_skipped_ticks", publisher.skippedTicks());
		}
	}

	/** A rate as the {@code rate-hz} header gives it: 1, 0.5, 2.5. */
	private static String rateHeader(double rateHz) {
		return BigDecimal.valueOf(rateHz).stripTrailingZeros().toPlainString();
	}

	private <T> T onLoop(Callable<T> task) throws InterruptedException, ExecutionException {
		return this.loop.submit(task).get();
	}

	private static void log(String format, Object... args) {
		System.err.printf("[generator] " + format + "%n", args);
	}

}
