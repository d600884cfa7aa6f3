package io.dronehub.benchmark.generator;

import java.util.Locale;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The generator's socket transport. epoll costs the generator less per message than Java
 * NIO's selector (at 100,000 single-frame messages a second, 84 percent of its core
 * against 90); most of what remains is the kernel's TCP receive path, which io_uring did
 * not lower either (85 percent).
 */
enum Transport {

	/** Linux epoll. */
	EPOLL,

	/** Java NIO, available everywhere. */
	NIO;

	/**
	 * The transport a name asks for, or the best one available for {@code auto}.
	 * @param name {@code auto}, {@code epoll} or {@code nio}
	 * @return the transport
	 * @throws IllegalStateException when the one asked for is not available here
	 */
	static Transport named(String name) {
		if ("auto".equals(name)) {
			return Epoll.isAvailable() ? EPOLL : NIO;
		}
		Transport transport = valueOf(name.toUpperCase(Locale.ROOT));
		if (transport == EPOLL && !Epoll.isAvailable()) {
			throw new IllegalStateException(name + " is not available here", Epoll.unavailabilityCause());
		}
		return transport;
	}

	IoHandlerFactory ioHandlerFactory() {
		return switch (this) {
			case EPOLL -> EpollIoHandler.newFactory();
			case NIO -> NioIoHandler.newFactory();
		};
	}

	Class<? extends SocketChannel> channelClass() {
		return switch (this) {
			case EPOLL -> EpollSocketChannel.class;
			case NIO -> NioSocketChannel.class;
		};
	}

}
