package io.dronehub.apidocs;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;

/**
 * The generated AsyncAPI document, from the STOMP handlers, the declared publishers, the
 * message authorisation rules and the STOMP endpoint of this application.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	@Bean
	AsyncApiDocument asyncApiDocument(ApplicationContext context,
			AuthorizationManager<Message<?>> messageAuthorizationManager,
			@Qualifier("stompWebSocketHandlerMapping") HandlerMapping stompEndpoints,
			ObjectProvider<BuildProperties> build) {
		String endpoint = ((AbstractUrlHandlerMapping) stompEndpoints).getHandlerMap()
			.keySet()
			.stream()
			.sorted()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No STOMP endpoint registered"));
		BuildProperties properties = build.getIfAvailable();
		return new AsyncApiDocument(new StompDestinations(context), new DestinationRoles(messageAuthorizationManager),
				endpoint,
				(properties != null && properties.getVersion() != null) ? properties.getVersion() : "unknown");
	}

}
