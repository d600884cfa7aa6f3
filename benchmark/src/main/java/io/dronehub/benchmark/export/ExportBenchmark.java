package io.dronehub.benchmark.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.dronehub.benchmark.Options;
import io.dronehub.benchmark.Results;
import io.dronehub.benchmark.ServerProbe;
import org.jspecify.annotations.Nullable;

/**
 * Measures how fast the hub streams recorded flights out of {@code GET
 * /api/flights/{id}/telemetry} in each format, and how much heap that takes. Each format
 * is first exported a few times from the shortest flight, so that its code is compiled;
 * then every flight is exported once, timed. Then every flight is exported again through
 * a socket with a small receive buffer that stops reading after a tenth of the body: the
 * hub, blocked mid-stream with the flight's rows open, has its heap read after a full
 * collection, and the reading resumes to the end. A heap that stays the same for a flight
 * ten times longer is what streaming in bounded memory means.
 */
public final class ExportBenchmark {

	private static final byte[] MCAP_MAGIC = { (byte) 0x89, 'M', 'C', 'A', 'P', '0', '\r', '\n' };

	private static final int PAUSED_RECEIVE_BUFFER = 8 * 1024;

	private static final int PAUSE_DIVISOR = 10;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI hub;

	private final @Nullable ServerProbe server;

	private ExportBenchmark(URI hub, @Nullable ServerProbe server) {
		this.hub = hub;
		this.server = server;
	}

	/**
	 * Runs the measurement.
	 * @param args
	 * {@code --url=http://HOST:PORT --flights=STATES:ID,... [--formats=ndjson,csv,mcap]
	 * [--warmups=2] [--server-pid=PID] [--out=FILE]}
	 * @throws Exception when the hub cannot be reached
	 */
	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		URI hub = URI.create(options.text("url", "http://127.0.0.1:8080"));
		List<RecordedFlight> flights = new ArrayList<>();
		for (String flight : options.list("flights")) {
			int colon = flight.indexOf(':');
			flights.add(new RecordedFlight(Integer.parseInt(flight.substring(0, colon)), flight.substring(colon + 1)));
		}
		flights.sort(Comparator.comparingInt(RecordedFlight::states));
		List<String> formats = options.list("formats");
		int warmups = options.integer("warmups", 2);
		long pid = options.longInteger("server-pid", 0);
		@Nullable String out = options.optional("out");
		options.requireAllRead();
		if (flights.isEmpty()) {
			throw new IllegalArgumentException("--flights=STATES:ID,... is needed");
		}

		ExportBenchmark benchmark = new ExportBenchmark(hub, (pid > 0) ? new ServerProbe(pid, true) : null);
		Results results = benchmark.run(flights, formats.isEmpty() ? List.of("ndjson", "csv", "mcap") : formats,
				warmups);
		System.out.print(results.text());
		if (out != null) {
			Files.writeString(Path.of(out), results.text());
		}
	}

	private Results run(List<RecordedFlight> flights, List<String> formats, int warmups) throws Exception {
		Results results = new Results();
		List<String> problems = new ArrayList<>();
		results.put("server_heap_max_kib", heapMaxKib());
		results.put("heap_cold_kib", heapAfterGcKib());
		for (String format : formats) {
			for (int i = 0; i < warmups; i++) {
				download(flights.get(0), format);
			}
			for (RecordedFlight flight : flights) {
				Download download = download(flight, format);
				String key = key(format, flight);
				results.put(key + "bytes", download.bytes());
				results.put(key + "first_byte_ms", download.firstByteMillis());
				results.put(key + "seconds", download.seconds());
				results.put(key + "states_per_s", flight.states() / download.seconds());
				results.put(key + "mb_per_s", download.bytes() / 1e6 / download.seconds());
				if (download.problem() != null) {
					problems.add(format + " of " + flight.states() + " states: " + download.problem());
				}
			}
		}
		// every flight has been read once: the database's own page cache is as full as it
		// gets, so what the paused exports add to this is theirs
		results.put("heap_idle_kib", heapAfterGcKib());
		for (String format : formats) {
			for (RecordedFlight flight : flights) {
				long bytes = results.longValue(key(format, flight) + "bytes");
				results.put(key(format, flight) + "heap_mid_kib",
						pausedHeapKib(flight, format, bytes / PAUSE_DIVISOR, problems));
			}
		}
		results.put("errors", String.join(" | ", problems));
		return results;
	}

	private static String key(String format, RecordedFlight flight) {
		return format + "_" + flight.states() + "_";
	}

	/** Exports a flight once, reading as fast as it comes. */
	private Download download(RecordedFlight flight, String format) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.hub.resolve(flight.path(format)))
			.timeout(Duration.ofMinutes(5))
			.GET()
			.build();
		long sent = System.nanoTime();
		HttpResponse<InputStream> response = this.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		BodyCount count = new BodyCount();
		long firstByte = -1;
		try (InputStream body = response.body()) {
			byte[] buffer = new byte[64 * 1024];
			for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
				if (firstByte < 0 && read > 0) {
					firstByte = System.nanoTime();
				}
				count.add(buffer, read);
			}
		}
		long done = System.nanoTime();
		String problem = (response.statusCode() != 200) ? "HTTP " + response.statusCode()
				: count.problem(format, flight.states());
		return new Download(count.bytes(), (firstByte - sent) / 1e6, (done - sent) / 1e9, problem);
	}

	/**
	 * Exports a flight through a socket that stops reading after some bytes, reads the
	 * hub's heap after a full collection while the hub is held mid-stream, then reads the
	 * rest.
	 * @return the heap in KiB, or -1 without a server to probe
	 */
	private long pausedHeapKib(RecordedFlight flight, String format, long pauseAfterBytes, List<String> problems)
			throws IOException {
		try (Socket socket = new Socket()) {
			socket.setReceiveBufferSize(PAUSED_RECEIVE_BUFFER);
			socket.setSoTimeout((int) Duration.ofMinutes(2).toMillis());
			socket.connect(new InetSocketAddress(this.hub.getHost(), this.hub.getPort()), 5000);
			OutputStream request = socket.getOutputStream();
			request.write(("GET " + flight.path(format) + " HTTP/1.1\r\nHost: " + this.hub.getHost() + ":"
					+ this.hub.getPort() + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			request.flush();
			InputStream response = socket.getInputStream();
			byte[] buffer = new byte[4096];
			long read = 0;
			while (read < pauseAfterBytes) {
				int n = response.read(buffer, 0, (int) Math.min(buffer.length, pauseAfterBytes - read));
				if (n < 0) {
					break;
				}
				read += n;
			}
			long heap = heapAfterGcKib();
			byte[] tail = new byte[5];
			int tailLength = 0;
			for (int n = response.read(buffer); n >= 0; n = response.read(buffer)) {
				for (int i = Math.max(0, n - tail.length); i < n; i++) {
					System.arraycopy(tail, 1, tail, 0, tail.length - 1);
					tail[tail.length - 1] = buffer[i];
					tailLength = Math.min(tail.length, tailLength + 1);
				}
			}
			if (!"0\r\n\r\n".equals(new String(tail, 0, tailLength, StandardCharsets.US_ASCII))) {
				problems.add("the paused " + format + " export of " + flight.states() + " states did not end");
			}
			return heap;
		}
	}

	private long heapAfterGcKib() {
		return (this.server != null) ? this.server.heapAfterGcKib() : -1;
	}

	private long heapMaxKib() {
		return (this.server != null) ? this.server.maxHeapKib() : -1;
	}

	/**
	 * A flight in the hub's database.
	 *
	 * @param states how many states it has
	 * @param id its id
	 */
	record RecordedFlight(int states, String id) {

		String path(String format) {
			return "/api/flights/" + this.id + "/telemetry?format=" + format;
		}

	}

	/**
	 * One timed export.
	 *
	 * @param bytes the body's length
	 * @param firstByteMillis from sending the request to the body's first bytes
	 * @param seconds from sending the request to the body's end
	 * @param problem what was wrong with the body, or {@code null}
	 */
	record Download(long bytes, double firstByteMillis, double seconds, @Nullable String problem) {
	}

	/**
	 * What a body held, as much as it takes to check it: its length, its line breaks, its
	 * first and last eight bytes.
	 */
	static final class BodyCount {

		private final byte[] head = new byte[8];

		private final byte[] tail = new byte[8];

		private long bytes;

		private long lines;

		void add(byte[] buffer, int length) {
			for (int i = 0; i < length; i++) {
				byte b = buffer[i];
				if (b == '\n') {
					this.lines++;
				}
				if (this.bytes + i < this.head.length) {
					this.head[(int) (this.bytes + i)] = b;
				}
			}
			int kept = Math.min(length, this.tail.length);
			System.arraycopy(this.tail, kept, this.tail, 0, this.tail.length - kept);
			System.arraycopy(buffer, length - kept, this.tail, this.tail.length - kept, kept);
			this.bytes += length;
		}

		long bytes() {
			return this.bytes;
		}

		/**
		 * Checks the body against the flight: one line per state (CSV: and a header), or
		 * an MCAP file's magic at both ends.
		 * @return what is wrong, or {@code null}
		 */
		@Nullable String problem(String format, int states) {
			return switch (format) {
				case "ndjson" -> (this.lines == states) ? null : this.lines + " lines for " + states + " states";
				case "csv" ->
					(this.lines == states + 1L) ? null : this.lines + " lines for a header and " + states + " states";
				case "mcap" -> (this.bytes >= 2L * MCAP_MAGIC.length && Arrays.equals(this.head, MCAP_MAGIC)
						&& Arrays.equals(this.tail, MCAP_MAGIC)) ? null : "not an MCAP file";
				default -> null;
			};
		}

	}

}
