package io.dronehub.browser;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API page in real headless Chromium: it reads the generated {@code /asyncapi.json}
 * and shows the destinations, the roles and the payload fields with their units, and it
 * lists every HTTP endpoint of the API.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hub.simulation.clock=manual")
@ActiveProfiles("it")
@Import(SteppedSimulationConfiguration.class)
class ApiPageBrowserIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@BeforeEach
	void chromiumIsInstalled() {
		Browser.assumeInstalled();
	}

	@Test
	void apiPageShowsTheDestinationsRolesAndPayloadsOfTheDocument() {
		try (Browser reader = Browser.open(1400, 1000)) {
			reader.get("http://localhost:" + this.port + "/");
			reader.click("nav a[href='/api.html']");
			reader.awaitAttribute("[data-api-status]", "data-state", "live"::equals, "loaded");
			assertThat(reader.awaitText("[data-api-sends] [data-destination='/app/command']",
					(text) -> text.contains("Command"), "the command destination"))
				.contains("PILOT", "ADMIN", "/user/queue/replies")
				.doesNotContain("OBSERVER");
			assertThat(reader.find("[data-api-subscribes] [data-destination='/topic/telemetry']").getText())
				.contains("DroneState", "OBSERVER");
			assertThat(reader.find("[data-api-sends] [data-destination='/app/replay']").getText())
				.contains("ReplayRequest", "OBSERVER", "/user/queue/replies");
			assertThat(reader.find("[data-api-subscribes] [data-destination='/user/queue/replay']").getText())
				.contains("ReplayFrame", "OBSERVER", "ENDED or STOPPED last");
			assertThat(reader.find("[data-api-subscribes]").getText()).contains("/topic/drones/{droneId}/telemetry",
					"/topic/events", "/app/fleet", "/user/queue/errors");
			assertThat(reader.find("[data-api-roles] [data-role-row=OBSERVER]").getText())
				.doesNotContain("/app/command");
			assertThat(reader.find("[data-payload=DroneState] [data-field=heading]").getText()).contains("number",
					"deg", "clockwise");
			assertThat(reader.find("[data-payload=Command]").getText()).contains("TAKEOFF", "altitude", "NUDGE");
			assertThat(reader.find("[data-payload=ErrorMessage]").getText()).contains("INVALID_JSON", "FORBIDDEN");
			assertThat(reader.find("[data-api-foxglove-url]").getText())
				.isEqualTo("ws://localhost:" + this.port + "/foxglove");
			assertThat(reader.find("[data-api-foxglove] [data-channel='/drones/{droneId}/location']").getText())
				.contains("foxglove.LocationFix", "Map panel");
			reader.screenshot("api-foxglove", "section[aria-labelledby=foxglove-title]");
			reader.screenshot("api");
		}
	}

	@Test
	void apiPageListsEveryHttpEndpointOfTheApiWithItsRoles() {
		List<String> handled = this.mappings.getHandlerMethods()
			.keySet()
			.stream()
			.flatMap((info) -> info.getPatternValues()
				.stream()
				.filter((pattern) -> pattern.startsWith("/api/"))
				.flatMap((pattern) -> info.getMethodsCondition()
					.getMethods()
					.stream()
					.map((method) -> method.name() + " " + pattern)))
			.toList();
		assertThat(handled).contains("GET /api/drones", "GET /api/flights", "DELETE /api/flights/{id}");
		try (Browser reader = Browser.open(1400, 1000)) {
			reader.get("http://localhost:" + this.port + "/api.html");
			reader.awaitText("[data-api-rest]", (text) -> text.contains("/api/flights"), "the HTTP endpoints");
			List<String> listed = reader.findAll("[data-api-rest] [data-endpoint]")
				.stream()
				.map((row) -> row.getDomAttribute("data-endpoint"))
				.toList();
			assertThat(listed).as("every endpoint the hub handles, and no other")
				.containsExactlyInAnyOrderElementsOf(handled);
			assertThat(reader.find("[data-api-rest] [data-endpoint='DELETE /api/flights/{id}']").getText())
				.contains("ADMIN")
				.doesNotContain("OBSERVER");
			assertThat(reader.find("[data-api-rest] [data-endpoint='GET /api/flights/{id}/telemetry']").getText())
				.contains("csv", "mcap", "ndjson");
			reader.screenshot("api-http", "[data-api-rest]");
		}
	}

}
