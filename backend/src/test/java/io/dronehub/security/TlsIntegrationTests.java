package io.dronehub.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.BlockingQueue;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.dronehub.StompTestClient;
import io.dronehub.flight.SimulationLoop;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS straight from the hub: a self-signed key pair made with {@code keytool} when the
 * test starts, served through a Spring Boot SSL bundle; a pilot connects over
 * {@code wss://}, logs in and flies, and the REST API answers over {@code https://}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.fleet.size=2", "server.ssl.bundle=hub",
				"spring.ssl.bundle.jks.hub.keystore.type=PKCS12",
				"spring.ssl.bundle.jks.hub.keystore.password=" + TlsIntegrationTests.PASSWORD })
@ActiveProfiles("it")
class TlsIntegrationTests {

	static final String PASSWORD = "test-only";

	private static final Path keyStore = keyPair();

	@LocalServerPort
	private int port;

	@Autowired
	private SimulationLoop simulation;

	@DynamicPropertySource
	static void keyStore(DynamicPropertyRegistry registry) {
		registry.add("spring.ssl.bundle.jks.hub.keystore.location", () -> keyStore.toUri().toString());
	}

	@Test
	void aPilotConnectsOverWssAndFlies() throws Exception {
		StandardWebSocketClient webSocket = new StandardWebSocketClient();
		webSocket.setSslContext(trustingTheTestKey());
		StompHeaders login = new StompHeaders();
		login.setLogin("alice");
		login.setPasscode("alice-secret");
		try (StompTestClient alice = StompTestClient.connect("wss://localhost:" + this.port + "/ws", webSocket,
				new WebSocketHttpHeaders(), login)) {
			assertThat(alice.user()).isEqualTo("alice");
			BlockingQueue<JsonNode> replies = alice.subscribeReplies();
			BlockingQueue<JsonNode> telemetry = alice.subscribe("/topic/drones/d1/telemetry");
			alice.takeOff(replies, "d1", 5);
			this.simulation.advance(50).get();
			JsonNode state;
			do {
				state = StompTestClient.next(telemetry);
			}
			while (state.get("position").get("alt").asDouble() < 1);
			assertThat(state.get("armed").asBoolean()).isTrue();
			assertThat(state.get("pilot").asString()).isEqualTo("alice");
		}
	}

	@Test
	void theApiAnswersOverHttps() throws Exception {
		HttpClient https = HttpClient.newBuilder().sslContext(trustingTheTestKey()).build();
		HttpResponse<String> drones = https.send(
				HttpRequest.newBuilder(URI.create("https://localhost:" + this.port + "/api/drones")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(drones.statusCode()).isEqualTo(200);
		assertThat(drones.body()).contains("\"d1\"");
	}

	private static SSLContext trustingTheTestKey() throws Exception {
		KeyStore own = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keyStore)) {
			own.load(in, PASSWORD.toCharArray());
		}
		KeyStore trusted = KeyStore.getInstance("PKCS12");
		trusted.load(null, null);
		trusted.setCertificateEntry("hub", own.getCertificate("hub"));
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

	/**
	 * Makes a self-signed key pair for {@code localhost} with the JDK's {@code keytool},
	 * as the README shows.
	 */
	private static Path keyPair() {
		try {
			Path file = Files.createTempDirectory("hub-tls").resolve("hub.p12");
			Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
			Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "hub", "-keyalg", "EC",
					"-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
					"-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", PASSWORD)
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes());
			if (process.waitFor() != 0) {
				throw new IllegalStateException("keytool failed: " + output);
			}
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
