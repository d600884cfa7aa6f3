package io.dronehub.config;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sizes each connection's buffers. Tomcat allocates its buffers when a connection opens
 * and keeps them while it lives, so they, not the hub's own objects, decide the memory of
 * an idle connection: from 8 KiB each by default to 1 KiB for the socket read buffer
 * (WebSocket frames are read past it, into the frame buffer) and 4 KiB for the socket
 * write buffer and the WebSocket frame buffers. Telemetry batches stay under 4 KiB so
 * that each leaves in one WebSocket frame. The WebSocket size is a JVM-wide system
 * property that Tomcat reads once, before its first WebSocket connection; a value given
 * on the command line wins.
 * <p>
 * The kernel's send buffer is fixed at 64 KiB instead of growing to megabytes: about a
 * second of a busy session's telemetry, so the socket of a client that stops reading
 * backs up within a second or two, and the hub conflates its telemetry and closes it when
 * it stays stalled, instead of feeding the kernel for it.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionBuffers {

	static final String WEBSOCKET_BUFFER_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

	static final int WEBSOCKET_BUFFER_BYTES = 4096;

	static final int SOCKET_READ_BUFFER_BYTES = 1024;

	static final int KERNEL_SEND_BUFFER_BYTES = 64 * 1024;

	@Bean
	TomcatConnectorCustomizer smallConnectionBuffers() {
		return (connector) -> {
			if (System.getProperty(WEBSOCKET_BUFFER_PROPERTY) == null) {
				System.setProperty(WEBSOCKET_BUFFER_PROPERTY, Integer.toString(WEBSOCKET_BUFFER_BYTES));
			}
			connector.setProperty("socket.appReadBufSize", Integer.toString(SOCKET_READ_BUFFER_BYTES));
			connector.setProperty("socket.appWriteBufSize", Integer.toString(WEBSOCKET_BUFFER_BYTES));
			connector.setProperty("socket.txBufSize", Integer.toString(KERNEL_SEND_BUFFER_BYTES));
		};
	}

}
