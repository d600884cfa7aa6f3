package io.dronehub.benchmark.generator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * Reads the flight recorder's meters from the hub's {@code /actuator/prometheus} (HTTP
 * basic, a user of role ADMIN), only the few samples it needs, so that a scrape costs the
 * hub little. The generator scrapes just outside the measured window, never inside it.
 */
final class HubMetrics {

	/**
	 * The metric families {@link RecorderFigures} and the flood's figures read (a
	 * family's name is a counter's without {@code _total}, a histogram's without
	 * {@code _bucket}, {@code _count} and {@code _sum}).
	 */
	private static final String FAMILIES = String.join(",", "hub_recorder_written", "hub_recorder_dropped",
			"hub_recorder_queued", "hub_recorder_queued_max", "hub_recorder_write_latency_seconds",
			"hub_recorder_write_latency_seconds_max", "hub_simulation_skipped", "hub_security_logins",
			"hub_security_handshakes");

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI url;

	private final @Nullable String authorization;

	/**
	 * Creates a reader of one hub's metrics.
	 * @param url the hub's {@code /actuator/prometheus} URL
	 * @param login an ADMIN user, or {@code null}
	 * @param passcode that user's password, or {@code null}
	 */
	HubMetrics(URI url, @Nullable String login, @Nullable String passcode) {
		this.url = URI.create(url + ((url.getQuery() == null) ? "?" : "&") + "includedNames=" + FAMILIES);
		this.authorization = (login != null) ? "Basic " + Base64.getEncoder()
			.encodeToString((login + ":" + ((passcode != null) ? passcode : "")).getBytes(StandardCharsets.UTF_8))
				: null;
	}

	/**
	 * Scrapes the hub once.
	 * @return the samples, and when they were read
	 * @throws IOException when the hub does not answer, or answers other than 200
	 * @throws InterruptedException when interrupted while waiting
	 */
	Scrape scrape() throws IOException, InterruptedException {
		long sent = System.nanoTime();
		HttpRequest.Builder request = HttpRequest.newBuilder(this.url).timeout(Duration.ofSeconds(30)).GET();
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException(this.url.getPath() + " answered " + response.statusCode());
		}
		return new Scrape(PrometheusSamples.parse(response.body()), sent + (System.nanoTime() - sent) / 2);
	}

	/**
	 * The meters at one moment.
	 *
	 * @param samples what the hub answered
	 * @param atNanos {@link System#nanoTime()} half-way through the request, when the hub
	 * read them, give or take half the request
	 */
	record Scrape(PrometheusSamples samples, long atNanos) {

		/**
		 * The time from an earlier scrape to this one.
		 * @param earlier the earlier scrape
		 * @return seconds
		 */
		double secondsSince(Scrape earlier) {
			return (this.atNanos - earlier.atNanos) / 1e9;
		}

	}

}
