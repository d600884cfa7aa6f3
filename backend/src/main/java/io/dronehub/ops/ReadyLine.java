package io.dronehub.ops;

import io.dronehub.security.SecurityProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;

/**
 * Logs one line when the hub is ready, with the addresses a person or a service needs
 * first.
 */
class ReadyLine implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(ReadyLine.class);

	private final SecurityProperties security;

	ReadyLine(SecurityProperties security) {
		this.security = security;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
			return;
		}
		String base = "localhost:" + web.getWebServer().getPort();
		String login = this.security.users().isEmpty()
				? " — to fly, log in as 'pilot' with the generated password logged above" : "";
		logger.info("Drone Telemetry Hub ready: dashboard http://" + base + "/watch.html, console http://" + base
				+ "/pilot.html, flights http://" + base + "/flights.html, API http://" + base + "/api.html, STOMP ws://"
				+ base + "/ws, REST http://" + base + "/api/drones, health http://" + base + "/actuator/health"
				+ login);
	}

}
