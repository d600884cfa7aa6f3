package io.dronehub.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The RabbitMQ of this machine, through its STOMP plugin on 127.0.0.1:61613 (guest/guest,
 * the defaults of {@code hub.cluster.broker.*}).
 */
final class LocalRabbitMq {

	/** The STOMP plugin's port. */
	static final int STOMP_PORT = 61613;

	private LocalRabbitMq() {
	}

	/** Skips the test, saying how to enable the plugin, where nothing answers. */
	static void assumeAnswers() {
		assumeTrue(answers(), "nothing answers on 127.0.0.1:" + STOMP_PORT
				+ "; to run this test against RabbitMQ: rabbitmq-plugins enable rabbitmq_stomp");
	}

	private static boolean answers() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", STOMP_PORT), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
