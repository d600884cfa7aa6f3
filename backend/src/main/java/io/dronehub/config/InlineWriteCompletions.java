package io.dronehub.config;

import javax.management.ObjectName;

import io.dronehub.outbound.InlineCompletionExecutor;
import org.apache.catalina.Lifecycle;
import org.apache.coyote.AbstractProtocol;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives each connector an {@link InlineCompletionExecutor} in place of the worker pool
 * that Tomcat would build, sized as Tomcat's would be ({@code server.tomcat.threads.*}),
 * so that a WebSocket write that completes at once costs no wake-up of a worker thread.
 * The pool is built when the connector starts, once every customizer has set its sizes,
 * and shut down when it stops. A connector given an executor of its own (virtual threads)
 * keeps it.
 */
@Configuration(proxyBeanMethods = false)
class InlineWriteCompletions {

	@Bean
	TomcatConnectorCustomizer inlineWriteCompletionsExecutor() {
		return (connector) -> connector.addLifecycleListener((event) -> {
			if (!(connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol)) {
				return;
			}
			if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && protocol.getExecutor() == null) {
				protocol.setExecutor(new InlineCompletionExecutor(ObjectName.unquote(protocol.getName()),
						protocol.getMinSpareThreads(), protocol.getMaxThreads(), protocol.getMaxQueueSize(),
						protocol.getThreadPriority()));
			}
			else if (Lifecycle.AFTER_STOP_EVENT.equals(event.getType())
					&& protocol.getExecutor() instanceof InlineCompletionExecutor executor) {
				protocol.setExecutor(null);
				executor.shutdown();
			}
		});
	}

}
