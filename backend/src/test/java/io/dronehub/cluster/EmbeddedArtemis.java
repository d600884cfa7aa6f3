package io.dronehub.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.util.FileSystemUtils;

/**
 * An ActiveMQ Artemis broker in the test JVM with one STOMP acceptor on a free port of
 * 127.0.0.1, where {@code /topic/x} is the multicast address {@code x} and
 * {@code /queue/x} the anycast one, as on the STOMP acceptor of Artemis's own
 * {@code broker.xml}. Nothing is persisted and anyone may log in. Logs warnings and
 * errors only: Artemis's audit log would write a line for every message. Not thread-safe:
 * one test drives it.
 */
public final class EmbeddedArtemis implements AutoCloseable {

	private final int port;

	private final Path directory;

	private @Nullable EmbeddedActiveMQ broker;

	/**
	 * Start a broker on a free port.
	 */
	public EmbeddedArtemis() {
		this.port = freePort();
		try {
			this.directory = Files.createTempDirectory("artemis");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		start();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The STOMP acceptor's port, the same across restarts.
	 * @return the port on 127.0.0.1
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Start the broker, again on the same port after {@link #stop()}, with no addresses,
	 * queues or messages left from before.
	 */
	void start() {
		if (this.broker != null) {
			return;
		}
		LoggingSystem.get(getClass().getClassLoader()).setLogLevel("org.apache.activemq", LogLevel.WARN);
		try {
			this.broker = new EmbeddedActiveMQ().setConfiguration(configuration()).start();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Artemis did not start on port " + this.port, ex);
		}
	}

	private Configuration configuration() throws Exception {
		ConfigurationImpl configuration = new ConfigurationImpl();
		configuration.setBrokerInstance(this.directory.toFile());
		return configuration.setPersistenceEnabled(false)
			.setSecurityEnabled(false)
			.setJMXManagementEnabled(false)
			.setMaxDiskUsage(-1)
			.addAddressSetting("#",
					new AddressSettings().setDeadLetterAddress(SimpleString.of("DLQ"))
						.setExpiryAddress(SimpleString.of("ExpiryQueue")))
			.addAcceptorConfiguration("stomp",
					"tcp://127.0.0.1:" + this.port + "?protocols=STOMP;anycastPrefix=/queue/;multicastPrefix=/topic/");
	}

	/**
	 * Stop the broker, closing every connection to it.
	 */
	void stop() {
		EmbeddedActiveMQ broker = this.broker;
		if (broker == null) {
			return;
		}
		this.broker = null;
		try {
			broker.stop();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Artemis did not stop", ex);
		}
	}

	@Override
	public void close() throws IOException {
		stop();
		FileSystemUtils.deleteRecursively(this.directory);
	}

}
