package io.dronehub.benchmark.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The floor server: answers STOMP CONNECT and SUBSCRIBE at {@code /ws} and broadcasts
 * pre-encoded MESSAGE frames with Spring's plain WebSocket support on Tomcat, the same
 * stack as the hub but with no broker.
 */
@SpringBootApplication
@EnableWebSocket
@EnableConfigurationProperties(BaselineProperties.class)
public class BaselineApplication implements WebSocketConfigurer {

	private final BaselineStompHandler handler;

	BaselineApplication(BaselineStompHandler handler) {
		this.handler = handler;
	}

	/**
	 * Starts the server.
	 * @param args Spring Boot arguments, e.g. {@code --server.port=8090}
	 */
	public static void main(String[] args) {
		SpringApplication.run(BaselineApplication.class, args);
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(this.handler, "/ws").setAllowedOriginPatterns("*");
	}

	@Bean
	@ConditionalOnProperty(name = "baseline.deflate", havingValue = "false")
	FilterRegistrationBean<ExtensionHidingFilter> extensionHidingFilter() {
		FilterRegistrationBean<ExtensionHidingFilter> registration = new FilterRegistrationBean<>(
				new ExtensionHidingFilter());
		registration.addUrlPatterns("/ws");
		return registration;
	}

}
