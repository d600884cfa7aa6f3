package io.dronehub.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 in front of a server, which a test cuts off (every connection
 * closed, new ones refused) and connects again on the same port: a network outage between
 * the hub and that server, while the server itself keeps running.
 */
final class TcpProxy implements AutoCloseable {

	private final int target;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final int port;

	private volatile ServerSocket listener;

	/**
	 * Starts proxying to a port on 127.0.0.1 from a free port.
	 * @param target the server's port
	 */
	TcpProxy(int target) throws IOException {
		this.target = target;
		this.listener = listen(0);
		this.port = this.listener.getLocalPort();
	}

	int port() {
		return this.port;
	}

	/** Closes every connection and refuses new ones. */
	synchronized void cut() throws IOException {
		this.listener.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.sockets.clear();
	}

	/** Accepts connections again, on the same port. */
	void restore() throws IOException {
		this.listener = listen(this.port);
	}

	@Override
	public void close() throws IOException {
		cut();
	}

	private ServerSocket listen(int on) throws IOException {
		ServerSocket server = new ServerSocket();
		server.setReuseAddress(true);
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), on));
		Thread acceptor = new Thread(() -> accept(server), "tcp-proxy-" + server.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
		return server;
	}

	private void accept(ServerSocket server) {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.target);
				relay(server, client, upstream);
			}
			catch (IOException ex) {
				// closed by cut(), or the server refused: the client sees its connection
				// fail
			}
		}
	}

	/**
	 * Relays a connection, unless {@link #cut()} closed the listener while it was being
	 * accepted: then the connection is closed too, not left open past the cut.
	 */
	private synchronized void relay(ServerSocket server, Socket client, Socket upstream) {
		if (server.isClosed()) {
			closeQuietly(client);
			closeQuietly(upstream);
			return;
		}
		this.sockets.add(client);
		this.sockets.add(upstream);
		pump(client, upstream);
		pump(upstream, client);
	}

	private static void pump(Socket from, Socket to) {
		Thread pump = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// one side closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "tcp-proxy-pump");
		pump.setDaemon(true);
		pump.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
